//===- MappedClose.h - ->mapped state that ->close may drop unheld -*- C++ -*-//
//
// kernel-api.md 6a, step 4: when the action an mmap_prepare hook requested
// fails, the VMA is unmapped without calling vm_ops->mapped, but ->close
// still runs. State that ->mapped takes and ->close releases is then
// released without having been taken (Linux 7.3's stm_char_mmap_prepare:
// pm_runtime_get_sync() in ->mapped, pm_runtime_put_autosuspend() in
// ->close, with an mmap_action_simple_ioremap()).
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_MAPPEDCLOSE_H
#define MPL_MATCHERS_MAPPEDCLOSE_H

#include "clang/AST/ASTContext.h"
#include <string>
#include <vector>

namespace mpl {

struct UnbalancedMapped {
  /// The action the hook requests.
  clang::SourceLocation ActionLoc;
  std::string Action;
  /// The vm_operations_struct the hook installs, and its callbacks.
  std::string Table;
  const clang::FunctionDecl *Mapped = nullptr;
  const clang::FunctionDecl *Close = nullptr;
  /// What ->mapped takes (a state-in-hook message) and where.
  std::string State;
  clang::SourceLocation StateLoc;
};

/// For a hook that requests an action and installs vm_ops whose ->mapped
/// takes state and that has a ->close: one entry per such table.
std::vector<UnbalancedMapped>
findUnbalancedMapped(const clang::FunctionDecl *Hook, clang::ASTContext &Ctx);

} // namespace mpl

#endif
