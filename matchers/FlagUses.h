//===- FlagUses.h - flag-word uses as descriptor helpers --------*- C++ -*-===//
//
// `vma->vm_flags & VM_X`, `vm_flags_set(vma, VM_X | VM_Y)` and, in 6.16-6.19
// code, `desc->vm_flags |= VM_X` all become vma_desc_*() calls with bit
// lists. Shared by the legacy-callback and the mmap_prepare-hook analyses.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_FLAGUSES_H
#define MPL_MATCHERS_FLAGUSES_H

#include "matchers/CallbackModel.h"
#include "clang/AST/ASTContext.h"

namespace mpl {

class FlagUseScanner {
public:
  FlagUseScanner(clang::ASTContext &Ctx, CallbackModel &M)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), M(M) {}

  /// \p ME is a flag-word member (vm_flags); \p P its parent (parens and
  /// implicit casts skipped). Records a leaf or a reason in the model.
  void handleFlags(const clang::MemberExpr *ME, const clang::Stmt *P);

  bool inBooleanContext(const clang::Stmt *P, const clang::Expr *E);
  /// Decomposes a mask into bits; a reason when it cannot.
  bool recordMask(const clang::Expr *Mask, std::vector<std::string> &Bits);
  /// Joins flag tests of one `&&` / `||` chain into one helper call, as
  /// upstream writes them: `(f & A) && (f & B)` -> vma_desc_test_all(A, B),
  /// `!(f & A) && !(f & B)` -> !vma_desc_test_any(A, B). Call once the body
  /// has been scanned.
  void mergeFlagTests(const clang::Stmt *Body);
  /// An --explain line.
  void line(clang::SourceLocation Loc, const std::string &Text);

protected:
  void flagWord(const clang::MemberExpr *ME);

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  CallbackModel &M;
};

} // namespace mpl

#endif
