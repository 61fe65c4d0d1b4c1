//===- AstUtils.h - small AST queries the matchers share --------*- C++ -*-===//
#ifndef MPL_MATCHERS_ASTUTILS_H
#define MPL_MATCHERS_ASTUTILS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace mpl {

/// The record \p T points to, or null.
const clang::RecordDecl *pointeeRecord(clang::QualType T);
/// Is \p T a pointer to `struct Name`?
bool isPointerToRecord(clang::QualType T, llvm::StringRef Name);

/// The statement that holds \p S. An initialiser's parent is the DeclStmt
/// of its variable; with \p SkipParensAndCasts, parentheses and implicit
/// casts are stepped over. Null at the top of a body.
const clang::Stmt *parentStmt(const clang::Stmt *S, clang::ASTContext &Ctx,
                              bool SkipParensAndCasts = false);
/// The DeclStmt that declares \p V (null for parameters and globals).
const clang::DeclStmt *declStmtOf(const clang::VarDecl *V,
                                  clang::ASTContext &Ctx);

/// Does \p Parent write its child \p E: the left side of an assignment,
/// ++/--, or (with \p AddressOfCounts) `&E`, which may be written through?
bool writesChild(const clang::Stmt *Parent, const clang::Expr *E,
                 bool AddressOfCounts);
/// Is \p E assigned, incremented or decremented where it stands?
bool isAssignedTo(const clang::Expr *E, clang::ASTContext &Ctx);

/// Before \p Before in \p Fn's body, is `Object->Field` assigned, or is
/// \p Object passed to a call for which \p MaySet says the callee may set
/// the field? A write-only field read after either reads this call's value.
bool fieldMaySetBefore(
    const clang::FunctionDecl *Fn, const clang::ParmVarDecl *Object,
    llvm::StringRef Field, clang::SourceLocation Before, clang::ASTContext &Ctx,
    llvm::function_ref<bool(const clang::CallExpr *)> MaySet);

} // namespace mpl

#endif
