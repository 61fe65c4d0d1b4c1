//===- VmaFlags.h - legacy VM_xxx masks as VMA_xxx_BIT lists ----*- C++ -*-===//
//
// The legacy flag word is spelled with VM_xxx masks; the descriptor API takes
// bit numbers. A mask converts only when every leaf of its `|` expression is
// a known VM_ name whose value in this translation unit is exactly the bit the
// table says (config-dependent names such as VM_SOFTDIRTY may be 0).
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_VMAFLAGS_H
#define MPL_MATCHERS_VMAFLAGS_H

#include "clang/AST/Expr.h"
#include <optional>
#include <string>
#include <vector>

namespace mpl {

/// Bit number of a single-bit legacy flag (`VM_IO` -> 14), if it is one.
std::optional<unsigned> legacyFlagBit(llvm::StringRef VmName);

/// The single-bit names a composite legacy mask stands for
/// (`VM_REMAP_FLAGS` -> VM_IO, VM_PFNMAP, VM_DONTEXPAND, VM_DONTDUMP).
const std::vector<std::string> *compositeMaskMembers(llvm::StringRef VmName);

/// `VM_IO` -> `VMA_IO_BIT`.
std::string bitEnumeratorFor(llvm::StringRef VmName);

struct MaskDecomposition {
  /// VMA_xxx_BIT names in source order, without duplicates.
  std::vector<std::string> Bits;
  /// True when the mask is the literal 0 / VM_NONE.
  bool Empty = false;
  /// Non-empty when the mask cannot be converted; says why.
  std::string Problem;
  clang::SourceLocation ProblemLoc;
  bool ok() const { return Problem.empty(); }
};

/// Splits a flag-mask expression (`VM_IO | VM_DONTEXPAND`) into bit names.
MaskDecomposition decomposeMask(const clang::Expr *Mask,
                                const clang::ASTContext &Ctx);

} // namespace mpl

#endif
