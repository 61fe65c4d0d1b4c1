//===- RuntimeFops.cpp ----------------------------------------------------===//
#include "matchers/RuntimeFops.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace mpl {
namespace {

/// `&tbl`, through casts and parentheses.
const VarDecl *addressedTable(const Expr *E) {
  const auto *AddrOf = dyn_cast<UnaryOperator>(E->IgnoreParenCasts());
  if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(AddrOf->getSubExpr()->IgnoreParenImpCasts());
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  llvm::DenseMap<const VarDecl *, SourceLocation> Found;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    if (ME && ME->getMemberDecl()->getName() == "f_op")
      note(addressedTable(BO->getRHS()), BO->getBeginLoc());
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    // replace_fops(file, fops) is a macro over this in the kernel; both
    // spellings reach here as a call or an assignment.
    if (FD && FD->getName() == "replace_fops" && Call->getNumArgs() == 2)
      note(addressedTable(Call->getArg(1)), Call->getBeginLoc());
    return true;
  }

private:
  void note(const VarDecl *Table, SourceLocation Loc) {
    if (Table)
      Found.try_emplace(Table->getCanonicalDecl(), Loc);
  }
};

} // namespace

llvm::DenseMap<const VarDecl *, SourceLocation>
findRuntimeInstalledTables(ASTContext &Ctx) {
  Finder F;
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(F.Found);
}

} // namespace mpl
