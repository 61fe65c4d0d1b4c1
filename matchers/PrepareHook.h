//===- PrepareHook.h - what an mmap_prepare hook does wrong -----*- C++ -*-===//
//
// Code already on mmap_prepare can still misuse the descriptor: write fields
// that are immutable or owned by the mmap_action_*() helpers, read fields
// that are write-only, change page_prot after an action captured it, keep
// 6.16-6.19 spellings (desc->vm_flags) or helper names renamed in 7.1.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_PREPAREHOOK_H
#define MPL_MATCHERS_PREPAREHOOK_H

#include "matchers/CallbackModel.h"

namespace mpl {

struct Misuse {
  ReasonCode Code;
  clang::SourceLocation Loc;
  std::string Message;
  /// A token to rename (outdated helper names); invalid when no fix.
  clang::SourceLocation RenameLoc;
  std::string RenameTo;
};

struct PrepareHookModel {
  const clang::FunctionDecl *Hook = nullptr;
  const clang::ParmVarDecl *Desc = nullptr;
  /// desc->vm_flags uses (as a CallbackModel so the rewriter can render
  /// them) and the reasons some cannot be converted.
  CallbackModel Flags;
  std::vector<Misuse> Misuses;
};

/// Does \p FD look like `int fn(struct vm_area_desc *)`?
const clang::ParmVarDecl *descParameter(const clang::FunctionDecl *FD);

/// \p RenameLevel: the API level whose helper names count as current
/// (names renamed before it are reported with a fix).
PrepareHookModel analyzePrepareHook(const clang::FunctionDecl *Hook,
                                    clang::ASTContext &Ctx,
                                    unsigned RenameLevel);

} // namespace mpl

#endif
