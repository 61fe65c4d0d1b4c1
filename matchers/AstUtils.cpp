//===- AstUtils.cpp -------------------------------------------------------===//
#include "matchers/AstUtils.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace mpl {

bool fieldMaySetBefore(const FunctionDecl *Fn, const ParmVarDecl *Object,
                       StringRef Field, SourceLocation Before, ASTContext &Ctx,
                       llvm::function_ref<bool(const CallExpr *)> MaySet) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ParmVarDecl *Object;
    StringRef Field;
    SourceLocation Before;
    ASTContext &Ctx;
    llvm::function_ref<bool(const CallExpr *)> MaySet;
    bool Found = false;
    Finder(ASTContext &Ctx, llvm::function_ref<bool(const CallExpr *)> MaySet)
        : Ctx(Ctx), MaySet(MaySet) {}
    bool before(SourceLocation L) {
      return Ctx.getSourceManager().isBeforeInTranslationUnit(L, Before);
    }
    bool isObject(const Expr *E) {
      const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return Ref && Ref->getDecl() == Object;
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      const auto *ME =
          dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
      Found |= BO->isAssignmentOp() && ME && isObject(ME->getBase()) &&
               ME->getMemberDecl()->getName() == Field &&
               before(BO->getBeginLoc());
      return !Found;
    }
    bool VisitCallExpr(CallExpr *Call) {
      if (!before(Call->getBeginLoc()) || !MaySet(Call))
        return true;
      for (const Expr *Arg : Call->arguments())
        Found |= isObject(Arg);
      return !Found;
    }
  } F(Ctx, MaySet);
  F.Object = Object;
  F.Field = Field;
  F.Before = Before;
  if (Fn->hasBody())
    F.TraverseStmt(Fn->getBody());
  return F.Found;
}

} // namespace mpl
