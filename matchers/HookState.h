//===- HookState.h - state an mmap hook acquires ----------------*- C++ -*-===//
//
// mmap_prepare runs before the mapping exists and may be followed by a merge
// or a failure that never tells the driver: it must be stateless. This finds
// what makes a hook stateful: allocations, reference gets, runtime-PM gets,
// counters that outlive the call, and locks still held when it returns.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_HOOKSTATE_H
#define MPL_MATCHERS_HOOKSTATE_H

#include "matchers/CallbackModel.h"

namespace mpl {

/// Reasons with code `state-in-hook` (severity manual), one per site.
std::vector<Reason> findHookState(const clang::FunctionDecl *Hook,
                                  clang::ASTContext &Ctx);

/// Reasons with code `opaque-call`: calls from \p Hook (and the helpers of
/// this file it calls) into code whose body the translation unit does not
/// have and that is not the kernel's API (a function declared outside the
/// include directories, a function pointer). Such code may take state or a
/// lock the tool cannot see, so a legacy callback that makes them is not
/// converted silently.
std::vector<Reason> findOpaqueCalls(const clang::FunctionDecl *Hook,
                                    clang::ASTContext &Ctx);

/// The first call by which \p Hook asks for page-table work that runs after
/// it returns (an mmap_action_*() call, or a legacy remap that becomes one),
/// or null.
const clang::CallExpr *requestedAction(const clang::FunctionDecl *Hook);

/// `&var` (through parentheses and casts): the variable, or null.
const clang::VarDecl *addressedVariable(const clang::Expr *E);

} // namespace mpl

#endif
