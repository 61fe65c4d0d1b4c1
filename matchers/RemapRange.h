//===- RemapRange.h - is every remap inside the mapping? --------*- C++ -*-===//
//
// For each remap-like call of an mmap hook (legacy remap_pfn_range() and
// friends, or the mmap_action_*() helpers), decides from the guards that
// dominate the call whether [start, start + size) provably lies inside the
// mapping and whether the mapping is bounded by the object behind it.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_REMAPRANGE_H
#define MPL_MATCHERS_REMAPRANGE_H

#include "matchers/Reasons.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <string>
#include <vector>

namespace mpl {

struct RangeProblem {
  /// unproven-start | size-exceeds-mapping | unchecked-mapping-size |
  /// unchecked-pgoff
  ReasonCode Code;
  clang::SourceLocation Loc;
  std::string Message;
  std::vector<std::pair<clang::SourceLocation, std::string>> Notes;
};

/// \p Mapping is the hook's `struct vm_area_struct *` or
/// `struct vm_area_desc *` parameter.
std::vector<RangeProblem> checkRemapRanges(const clang::FunctionDecl *Hook,
                                           const clang::ParmVarDecl *Mapping,
                                           clang::ASTContext &Ctx);

} // namespace mpl

#endif
