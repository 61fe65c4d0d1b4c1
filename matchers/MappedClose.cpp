//===- MappedClose.cpp ----------------------------------------------------===//
#include "matchers/MappedClose.h"
#include "matchers/HookState.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace mpl {
namespace {

/// The function a vm_operations_struct initialiser puts in \p Field.
const FunctionDecl *slot(const VarDecl *Table, llvm::StringRef Field) {
  const auto *Init = dyn_cast_or_null<InitListExpr>(
      Table->getInit() ? Table->getInit()->IgnoreImplicit() : nullptr);
  const RecordDecl *RD = Table->getType()->getAsRecordDecl();
  if (!Init || !RD)
    return nullptr;
  if (Init->isSyntacticForm() && Init->getSemanticForm())
    Init = Init->getSemanticForm();
  for (const FieldDecl *F : RD->fields()) {
    if (F->getName() != Field || F->getFieldIndex() >= Init->getNumInits())
      continue;
    const Expr *Value =
        Init->getInit(F->getFieldIndex())->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Value))
      return dyn_cast<FunctionDecl>(Ref->getDecl());
  }
  return nullptr;
}

/// The vm_operations_struct tables the hook installs (`x->vm_ops = &tbl`).
class TableScan : public RecursiveASTVisitor<TableScan> {
public:
  std::vector<const VarDecl *> Tables;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    if (!ME || ME->getMemberDecl()->getName() != "vm_ops")
      return true;
    if (const VarDecl *VD = addressedVariable(BO->getRHS()))
      if (const VarDecl *Def = VD->getDefinition())
        Tables.push_back(Def);
    return true;
  }
};

/// ->close tests vma->vm_private_data before releasing: ->mapped records
/// what it took there, and a VMA whose ->mapped never ran has none.
bool closeChecksPrivateData(const FunctionDecl *Close) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    llvm::DenseSet<const VarDecl *> FromPrivate;
    bool VisitVarDecl(VarDecl *VD) {
      if (VD->getInit() && readsPrivateData(VD->getInit()))
        FromPrivate.insert(VD);
      return true;
    }
    bool VisitIfStmt(IfStmt *If) {
      Found |= readsPrivateData(If->getCond()) || namesLocal(If->getCond());
      return true;
    }
    bool readsPrivateData(const Stmt *S) {
      if (const auto *ME = dyn_cast<MemberExpr>(S))
        if (ME->getMemberDecl()->getName() == "vm_private_data")
          return true;
      for (const Stmt *Child : S->children())
        if (Child && readsPrivateData(Child))
          return true;
      return false;
    }
    bool namesLocal(const Stmt *S) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
        if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
          return FromPrivate.count(VD) > 0;
      for (const Stmt *Child : S->children())
        if (Child && namesLocal(Child))
          return true;
      return false;
    }
  } F;
  const FunctionDecl *Def = Close->getDefinition();
  if (!Def || !Def->hasBody())
    return false;
  F.TraverseStmt(Def->getBody());
  return F.Found;
}

} // namespace

std::vector<UnbalancedMapped> findUnbalancedMapped(const FunctionDecl *Hook,
                                                   ASTContext &Ctx) {
  std::vector<UnbalancedMapped> Out;
  if (!Hook->hasBody())
    return Out;
  const CallExpr *Action = requestedAction(Hook);
  if (!Action)
    return Out;
  TableScan Scan;
  Scan.TraverseStmt(Hook->getBody());
  for (const VarDecl *Table : Scan.Tables) {
    const FunctionDecl *Mapped = slot(Table, "mapped");
    const FunctionDecl *Close = slot(Table, "close");
    const FunctionDecl *MappedDef = Mapped ? Mapped->getDefinition() : nullptr;
    if (!MappedDef || !Close || closeChecksPrivateData(Close))
      continue;
    std::vector<Reason> State = findHookState(MappedDef, Ctx);
    if (State.empty())
      continue;
    UnbalancedMapped U;
    U.ActionLoc = Action->getBeginLoc();
    U.Action = Action->getDirectCallee()->getNameAsString();
    U.Table = Table->getNameAsString();
    U.Mapped = MappedDef;
    U.Close = Close;
    U.State = State.front().Message;
    U.StateLoc = State.front().Loc;
    Out.push_back(std::move(U));
  }
  return Out;
}

} // namespace mpl
