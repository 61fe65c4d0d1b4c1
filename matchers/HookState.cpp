//===- HookState.cpp ------------------------------------------------------===//
#include "matchers/HookState.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/KernelApi.h"
#include "matchers/SourceText.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

using namespace clang;

namespace mpl {
namespace {

/// The release of a lock-taking call, or null.
const char *releaseOf(llvm::StringRef Name) {
  const KernelApiEntry *Api = lookupKernelApi(Name);
  return Api && Api->Role == ApiRole::Lock ? Api->Replacement : nullptr;
}

bool isRelease(llvm::StringRef Name) {
  for (const KernelApiEntry &E : kernelApiTable())
    if (E.Role == ApiRole::Lock && Name == E.Replacement)
      return true;
  return false;
}

const ParmVarDecl *mappingParam(const FunctionDecl *FD) {
  for (const ParmVarDecl *P : FD->parameters())
    if (const auto *PT = P->getType()->getAs<PointerType>())
      if (const RecordDecl *RD = PT->getPointeeType()->getAsRecordDecl())
        if (RD->getName() == "vm_area_struct" || RD->getName() == "vm_area_desc")
          return P;
  return nullptr;
}

class StateFinder : public RecursiveASTVisitor<StateFinder> {
public:
  StateFinder(const FunctionDecl *Hook, ASTContext &Ctx, unsigned Depth = 0,
              llvm::DenseSet<const FunctionDecl *> *Visited = nullptr)
      : Ctx(Ctx), Mapping(mappingParam(Hook)), Depth(Depth),
        Visited(Visited ? Visited : &OwnVisited) {
    this->Visited->insert(Hook);
  }

  std::vector<Reason> Found;
  // Lock key (unlock name + argument spelling) -> net count and first site.
  llvm::StringMap<std::pair<int, SourceLocation>> Locks;

  bool VisitCallExpr(CallExpr *Call) {
    std::string Name = spelledCalleeName(Call, Ctx);
    if (Name.empty())
      return true;
    if (isStateAcquiringCallee(Name))
      add("calls " + Name +
              "(); the hook may run for a mapping that is then merged or "
              "fails, so the state would leak: move it to vm_ops->mapped "
              "(7.1+) or keep .mmap",
          Call->getBeginLoc());
    else if (std::optional<std::string> Inner = stateInHelper(Call, Name))
      add("calls " + Name + "(), which " + *Inner, Call->getBeginLoc());
    std::string Arg = Call->getNumArgs()
                          ? spelledText(Call->getArg(0)->getSourceRange(), Ctx)
                                .value_or("?")
                          : "";
    if (const char *Release = releaseOf(Name)) {
      auto &Entry = Locks[std::string(Release) + "(" + Arg + ")"];
      if (Entry.first++ == 0)
        Entry.second = Call->getBeginLoc();
    } else if (isRelease(Name)) {
      --Locks[Name + "(" + Arg + ")"].first;
    }
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      counterUpdate(UO->getSubExpr(), UO->getBeginLoc());
    return true;
  }

  bool VisitCompoundAssignOperator(CompoundAssignOperator *CAO) {
    if (CAO->getOpcode() == BO_AddAssign || CAO->getOpcode() == BO_SubAssign)
      counterUpdate(CAO->getLHS(), CAO->getBeginLoc());
    return true;
  }

  void finishLocks() {
    for (const auto &Entry : Locks)
      if (Entry.second.first > 0)
        add("can return with " + Entry.first().split('(').second.drop_back().str() +
                " still locked (no matching " +
                Entry.first().split('(').first.str() +
                "()); a hook must not hand a held lock to a later callback",
            Entry.second.second);
  }

private:
  /// A helper of this file the hook calls takes state of its own
  /// (afs_add_open_mmap() bumping a counter): the same leak, one call away.
  std::optional<std::string> stateInHelper(const CallExpr *Call,
                                           const std::string &Name) {
    const FunctionDecl *FD = Call->getDirectCallee();
    const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
    const SourceManager &SM = Ctx.getSourceManager();
    if (!Def || !Def->hasBody() || Depth >= 2 || lookupKernelApi(Name) ||
        !SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())) ||
        !Visited->insert(Def).second)
      return std::nullopt;
    StateFinder Inner(Def, Ctx, Depth + 1, Visited);
    Inner.TraverseStmt(Def->getBody());
    if (Inner.Found.empty())
      return std::nullopt;
    return Inner.Found.front().Message;
  }

  void add(std::string Message, SourceLocation Loc) {
    Found.push_back({ReasonCode::StateInHook, Classification::Manual, std::move(Message),
                     Ctx.getSourceManager().getFileLoc(Loc)});
  }

  const DeclRefExpr *baseRef(const MemberExpr *ME) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    while (const auto *Inner = dyn_cast<MemberExpr>(Base))
      Base = Inner->getBase()->IgnoreParenImpCasts();
    return dyn_cast<DeclRefExpr>(Base);
  }

  void counterUpdate(const Expr *Target, SourceLocation Loc) {
    Target = Target->IgnoreParenImpCasts();
    bool Shared = false;
    if (const auto *ME = dyn_cast<MemberExpr>(Target)) {
      const DeclRefExpr *Ref = baseRef(ME);
      const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      // Fields reached through a pointer or a global outlive the hook;
      // the mapping's own fields (desc->pgoff += n) are its business.
      Shared = (ME->isArrow() || !VD || VD->hasGlobalStorage()) &&
               !(Ref && Ref->getDecl() == Mapping);
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Target)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Shared = VD->hasGlobalStorage();
    }
    if (Shared)
      add("updates a counter that outlives the hook; a merged or failed "
          "mapping would leave it wrong: move it to vm_ops->mapped (7.1+) "
          "or keep .mmap",
          Loc);
  }

  ASTContext &Ctx;
  const ParmVarDecl *Mapping;
  unsigned Depth;
  llvm::DenseSet<const FunctionDecl *> OwnVisited;
  llvm::DenseSet<const FunctionDecl *> *Visited;
};

} // namespace

std::vector<Reason> findHookState(const FunctionDecl *Hook, ASTContext &Ctx) {
  if (!Hook->hasBody())
    return {};
  StateFinder F(Hook, Ctx);
  F.TraverseStmt(Hook->getBody());
  F.finishLocks();
  return std::move(F.Found);
}

} // namespace mpl
