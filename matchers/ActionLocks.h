//===- ActionLocks.h - locks held across page-table work --------*- C++ -*-===//
//
// A legacy callback populates page tables while it holds its locks; an
// mmap action runs after the hook has returned, so after every lock the hook
// released (kernel-api.md 6a). Memory the lock kept alive (a page array a
// resize frees under the same lock) may be gone by then. This finds the
// locks held at a call that the function releases before it returns, and
// the call arguments whose value is read from memory such a lock protects.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_ACTIONLOCKS_H
#define MPL_MATCHERS_ACTIONLOCKS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <string>
#include <vector>

namespace mpl {

struct HeldLock {
  /// How the source names it: "rdtgroup_mutex", "guard(mutex) on dev->lock".
  std::string Name;
  clang::SourceLocation Taken;
};

/// Locks \p Fn holds when it reaches \p At and releases before it returns:
/// an explicit lock call on the path to \p At whose release follows it, or
/// a guard()/scoped_guard() whose scope encloses it. Branches that leave the
/// function (`if (err) { unlock(); return err; }`) do not count.
std::vector<HeldLock> locksReleasedAfter(const clang::FunctionDecl *Fn,
                                         const clang::Stmt *At,
                                         clang::ASTContext &Ctx);

/// The first argument of \p Call from index \p First on whose value is read
/// from memory outside the hook (through a pointer other than \p Mapping,
/// or a global), directly or through locals of \p Fn; null when every
/// argument is built from constants, locals and the mapping's own fields.
const clang::Expr *argumentFromSharedMemory(const clang::CallExpr *Call,
                                            unsigned First,
                                            const clang::FunctionDecl *Fn,
                                            const clang::ParmVarDecl *Mapping);

/// scoped_guard(): a `for` whose init declares a cleanup class variable;
/// its body runs once, it is not a loop.
bool isScopedGuard(const clang::ForStmt *For);

/// "rdtgroup_mutex" or "rdtgroup_mutex and dev->lock".
std::string lockNames(const std::vector<HeldLock> &Locks);

} // namespace mpl

#endif
