//===- MmapSites.cpp ------------------------------------------------------===//
#include "matchers/MmapSites.h"
#include "matchers/KernelApi.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace mpl {
namespace {

class SiteFinder : public RecursiveASTVisitor<SiteFinder> {
public:
  SiteFinder(ASTContext &Ctx,
             const std::vector<std::pair<std::string, std::string>> &Extra)
      : Ctx(Ctx), SM(Ctx.getSourceManager()) {
    Slots.push_back({"file_operations", LegacySlot});
    Slots.push_back({"file_operations", PrepareSlot});
    Slots.insert(Slots.end(), Extra.begin(), Extra.end());
  }

  std::vector<MmapSite> Sites;

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseDecl(Decl *D) {
    // System headers hold no driver code.
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitInitListExpr(InitListExpr *Visited) {
    // The visitor walks the syntactic form (what was written); slots are
    // read from the semantic form, where every field has its place.
    const InitListExpr *ILE = Visited;
    if (!ILE->isSemanticForm() && ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (!RD)
      return true;
    for (const auto &[Struct, Field] : Slots) {
      if (RD->getName() != Struct)
        continue;
      handleTable(ILE, RD, Field);
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens());
    if (!ME)
      return true;
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return true;
    for (const auto &[Struct, Field] : Slots) {
      if (FD->getName() != Field || FD->getParent()->getName() != Struct)
        continue;
      MmapSite S;
      S.K = MmapSite::Assignment;
      S.OpsType = Struct;
      S.Slot = Field;
      S.SlotLoc = ME->getMemberLoc();
      S.Loc = ME->getMemberLoc();
      setValue(S, BO->getRHS());
      Sites.push_back(S);
    }
    return true;
  }

private:
  void setValue(MmapSite &S, const Expr *Value) {
    S.Value = Value;
    const Expr *E = Value->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      S.Callback = dyn_cast<FunctionDecl>(DRE->getDecl());
      S.CallbackRefLoc = DRE->getLocation();
    }
  }

  const VarDecl *tableOf(const InitListExpr *ILE) {
    const Stmt *Node = ILE;
    for (unsigned Depth = 0; Depth < 8; ++Depth) {
      auto Parents = Ctx.getParents(*Node);
      if (Parents.empty())
        return nullptr;
      if (const auto *VD = Parents[0].get<VarDecl>())
        return VD;
      Node = Parents[0].get<Stmt>();
      if (!Node)
        return nullptr;
    }
    return nullptr;
  }

  void handleTable(const InitListExpr *ILE, const RecordDecl *RD,
                   const std::string &Field) {
    unsigned Index = 0;
    const FieldDecl *Slot = nullptr;
    bool HasPrepare = false;
    unsigned PrepareIndex = 0, I = 0;
    for (const FieldDecl *FD : RD->fields()) {
      if (FD->getName() == Field) {
        Slot = FD;
        Index = I;
      }
      if (FD->getName() == PrepareSlot) {
        HasPrepare = true;
        PrepareIndex = I;
      }
      ++I;
    }
    if (!Slot || Index >= ILE->getNumInits())
      return;
    const Expr *Init = ILE->getInit(Index);
    if (!Init || isa<ImplicitValueInitExpr>(Init))
      return;
    // A null initialiser (`.mmap = NULL`) installs nothing.
    if (Init->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return;
    MmapSite S;
    S.OpsType = RD->getName().str();
    S.Slot = Field;
    S.Table = tableOf(ILE);
    setValue(S, Init);
    S.K = MmapSite::Positional;
    S.Loc = Init->getBeginLoc();
    if (const InitListExpr *Syntactic = ILE->getSyntacticForm())
      for (const Expr *E : Syntactic->inits())
        if (const auto *DIE = dyn_cast<DesignatedInitExpr>(E))
          if (DIE->size() >= 1 && DIE->getDesignator(0)->isFieldDesignator() &&
              DIE->getDesignator(0)->getFieldDecl() == Slot) {
            S.K = MmapSite::Designated;
            S.SlotLoc = DIE->getDesignator(0)->getFieldLoc();
            S.Loc = DIE->getBeginLoc();
          }
    if (HasPrepare && PrepareIndex < ILE->getNumInits()) {
      const Expr *P = ILE->getInit(PrepareIndex);
      S.AlsoSetsPrepare =
          P && !isa<ImplicitValueInitExpr>(P) &&
          !P->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
    }
    Sites.push_back(S);
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  std::vector<std::pair<std::string, std::string>> Slots;
};

} // namespace

std::vector<MmapSite>
findMmapSites(ASTContext &Ctx,
              const std::vector<std::pair<std::string, std::string>> &Extra) {
  SiteFinder F(Ctx, Extra);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(F.Sites);
}

} // namespace mpl
