//===- AstUtils.cpp -------------------------------------------------------===//
#include "matchers/AstUtils.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace mpl {

const RecordDecl *pointeeRecord(QualType T) {
  const auto *PT = T->getAs<PointerType>();
  return PT ? PT->getPointeeType()->getAsRecordDecl() : nullptr;
}

bool isPointerToRecord(QualType T, StringRef Name) {
  const RecordDecl *RD = pointeeRecord(T);
  return RD && RD->getName() == Name;
}

const Stmt *parentStmt(const Stmt *S, ASTContext &Ctx,
                       bool SkipParensAndCasts) {
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*S);
    if (Parents.empty())
      return nullptr;
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P) {
      const auto *VD = Parents[0].get<VarDecl>();
      return VD ? declStmtOf(VD, Ctx) : nullptr;
    }
    if (SkipParensAndCasts && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))) {
      S = P;
      continue;
    }
    return P;
  }
}

const DeclStmt *declStmtOf(const VarDecl *V, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*V);
  return Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
}

bool writesChild(const Stmt *Parent, const Expr *E, bool AddressOfCounts) {
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent))
    return BO->isAssignmentOp() &&
           BO->getLHS()->IgnoreParenImpCasts() == E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Parent))
    return UO->isIncrementDecrementOp() ||
           (AddressOfCounts && UO->getOpcode() == UO_AddrOf);
  return false;
}

bool isAssignedTo(const Expr *E, ASTContext &Ctx) {
  return writesChild(parentStmt(E, Ctx, /*SkipParensAndCasts=*/true), E,
                     /*AddressOfCounts=*/false);
}

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
