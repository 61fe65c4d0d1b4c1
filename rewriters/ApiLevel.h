//===- ApiLevel.h - which spelling of the mmap_prepare API to emit -*- C++
//-*-=//
//
// Helper names changed between kernel releases (kernel-api.md sections 2.1
// and 8). A target level picks the spelling; `auto` reads the translation
// unit's own headers and never emits a helper they do not declare.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_REWRITERS_APILEVEL_H
#define MPL_REWRITERS_APILEVEL_H

#include "clang/AST/ASTContext.h"
#include <optional>
#include <string>

namespace mpl {

/// A kernel release as major * 100 + minor (703 = v7.3); 0 = `auto`.
struct ApiLevel {
  unsigned Version = 0;
  bool isAuto() const { return Version == 0; }
  std::string str() const;
  /// Parses "7.0".."7.3" or "auto".
  static std::optional<ApiLevel> parse(llvm::StringRef Text);
  static constexpr unsigned Oldest = 700, Newest = 703;
};

/// The descriptor flag test for \p NumBits bits (all of them with \p All,
/// else any) as level \p Level spells it: vma_desc_test_flags() in 7.0,
/// vma_desc_test() / _any() / _all() from 7.1 (an all-of test of several
/// bits has no 7.0 spelling; the rewriter refuses it there).
const char *flagTestHelper(unsigned Level, bool All, size_t NumBits);

/// What the translation unit's headers declare.
class DeclaredApi {
public:
  explicit DeclaredApi(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  /// A function, macro or enumerator of that name is visible at the end of
  /// the translation unit.
  bool declares(llvm::StringRef Name) const;
  bool recordHasField(llvm::StringRef Record, llvm::StringRef Field) const;
  /// The function \p Name is declared with \p Params parameters, the first
  /// descriptor-side (`struct vm_area_desc *` or `const vma_flags_t *`), as
  /// daxdev_mapping_supported() and is_shared_maywrite() are since 7.0.
  bool takesNewForm(llvm::StringRef Name, unsigned Params) const;
  /// The newest level whose spelling these headers support, or 0 when they
  /// predate the 7.0 descriptor flag helpers.
  unsigned detectLevel() const;

private:
  clang::ASTContext &Ctx;
};

} // namespace mpl

#endif
