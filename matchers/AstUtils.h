//===- AstUtils.h - small AST queries the matchers share --------*- C++ -*-===//
#ifndef MPL_MATCHERS_ASTUTILS_H
#define MPL_MATCHERS_ASTUTILS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace mpl {

/// Before \p Before in \p Fn's body, is `Object->Field` assigned, or is
/// \p Object passed to a call for which \p MaySet says the callee may set
/// the field? A write-only field read after either reads this call's value.
bool fieldMaySetBefore(
    const clang::FunctionDecl *Fn, const clang::ParmVarDecl *Object,
    llvm::StringRef Field, clang::SourceLocation Before, clang::ASTContext &Ctx,
    llvm::function_ref<bool(const clang::CallExpr *)> MaySet);

} // namespace mpl

#endif
