//===- RuntimeFops.cpp ----------------------------------------------------===//
#include "matchers/RuntimeFops.h"
#include "matchers/HookState.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace mpl {
namespace {

class Finder : public RecursiveASTVisitor<Finder> {
public:
  llvm::DenseMap<const VarDecl *, SourceLocation> Found;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    if (ME && ME->getMemberDecl()->getName() == "f_op")
      note(addressedVariable(BO->getRHS()), BO->getBeginLoc());
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    // replace_fops(file, fops) is a macro over this in the kernel; both
    // spellings reach here as a call or an assignment.
    if (FD && FD->getName() == "replace_fops" && Call->getNumArgs() == 2)
      note(addressedVariable(Call->getArg(1)), Call->getBeginLoc());
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
