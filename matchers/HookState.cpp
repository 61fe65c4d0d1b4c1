//===- HookState.cpp ------------------------------------------------------===//
#include "matchers/HookState.h"
#include "matchers/AstUtils.h"
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

const ParmVarDecl *mappingParam(const FunctionDecl *FD) {
  for (const ParmVarDecl *P : FD->parameters())
    if (isPointerToRecord(P->getType(), "vm_area_struct") ||
        isPointerToRecord(P->getType(), "vm_area_desc"))
      return P;
  return nullptr;
}

/// The definition of a helper of this file that \p Call reaches, when the
/// finders look into it: not yet visited, and at most two calls deep (the
/// same-unit part of "state taken inside helpers the callback calls").
const FunctionDecl *
helperToFollow(const CallExpr *Call, unsigned Depth,
               llvm::DenseSet<const FunctionDecl *> &Visited,
               const SourceManager &SM) {
  const FunctionDecl *FD = Call->getDirectCallee();
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->hasBody() || Depth >= 2 ||
      !SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())) ||
      !Visited.insert(Def).second)
    return nullptr;
  return Def;
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
    std::string Arg =
        Call->getNumArgs()
            ? spelledText(Call->getArg(0)->getSourceRange(), Ctx).value_or("?")
            : "";
    if (isAtomicWrite(Name))
      add("changes " + atomicObject(Call) + " with " + Name +
              "(); the hook may run for a mapping that is then "
              "merged or fails, so the count would stay wrong",
          Call->getBeginLoc());
    else if (isStateAcquiringCallee(Name))
      add("calls " + Name +
              "(); the hook may run for a mapping that is then merged or "
              "fails, so the state would leak",
          Call->getBeginLoc());
    else if (std::optional<std::string> Inner = stateInHelper(Call, Name))
      add("calls " + Name + "(), which " + *Inner, Call->getBeginLoc(),
          /*Advice=*/false);
    if (const char *Release = releaseOf(Name)) {
      auto &Entry = Locks[std::string(Release) + "(" + Arg + ")"];
      if (Entry.first++ == 0)
        Entry.second = Call->getBeginLoc();
    } else if (isLockRelease(Name)) {
      --Locks[Name + "(" + Arg + ")"].first;
    }
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      if (std::optional<std::string> Object = longLived(UO->getSubExpr()))
        add("updates " + *Object +
                ", which outlives the hook; a merged or "
                "failed mapping would leave the count wrong",
            UO->getBeginLoc());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    // Storing the vma itself is stores-vma's business.
    if (const auto *RHS =
            dyn_cast<DeclRefExpr>(BO->getRHS()->IgnoreParenImpCasts()))
      if (Mapping && RHS->getDecl() == Mapping)
        return true;
    if (const auto *Local =
            dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(Local->getDecl()))
        if (VD->hasLocalStorage() && BO->getOpcode() == BO_Assign &&
            isAllocation(BO->getRHS()))
          Allocated.insert(VD);
    // Plain stores count in the hook itself. In a helper they are mostly
    // results written through out-parameters (the caller's locals) or
    // idempotent caches; its counters and acquisitions still count.
    if (BO->getOpcode() == BO_Assign && Depth > 0)
      return true;
    if (BO->getOpcode() == BO_Assign && intoFreshAllocation(BO->getLHS()))
      return true;
    std::optional<std::string> Object = longLived(BO->getLHS());
    if (!Object)
      return true;
    // A store written inside a macro's body: an allocator macro
    // (kzalloc_flex() sets the flexible array's counter) is the allocation;
    // any other is named by the macro the source wrote.
    if (std::string Macro = outermostMacroName(BO->getBeginLoc(), Ctx);
        !Macro.empty() && !spelledText(BO->getLHS()->getSourceRange(), Ctx)) {
      SourceLocation Use =
          Ctx.getSourceManager().getExpansionLoc(BO->getBeginLoc());
      if (!MacroStores.insert(Use).second)
        return true;
      if (isStateAcquiringCallee(Macro))
        add("calls " + Macro +
                "(); the hook may run for a mapping that is then merged or "
                "fails, so the state would leak",
            Use);
      else
        add("stores, inside " + Macro +
                "(), to an object that outlives the hook; a merged or failed "
                "mapping would leave it changed",
            Use);
      return true;
    }
    add((BO->getOpcode() == BO_Assign ? "stores to " : "updates ") + *Object +
            ", which outlives the hook; a merged or failed "
            "mapping would leave it changed",
        BO->getBeginLoc());
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() && VD->getInit() && isAllocation(VD->getInit()))
      Allocated.insert(VD);
    return true;
  }

  /// An action is requested: its failure (after the hook) skips ->mapped
  /// but still runs ->close.
  bool RequestsAction = false;

  void finishLocks() {
    for (const auto &Entry : Locks)
      if (Entry.second.first > 0)
        add("can return with " +
                Entry.first().split('(').second.drop_back().str() +
                " still locked (no matching " +
                Entry.first().split('(').first.str() +
                "()); a hook must not hand a held lock to a later callback",
            Entry.second.second, /*Advice=*/false);
  }

private:
  /// A helper of this file the hook calls takes state of its own
  /// (afs_add_open_mmap() bumping a counter): the same leak, one call away.
  std::optional<std::string> stateInHelper(const CallExpr *Call,
                                           const std::string &Name) {
    if (lookupKernelApi(Name))
      return std::nullopt;
    const FunctionDecl *Def =
        helperToFollow(Call, Depth, *Visited, Ctx.getSourceManager());
    if (!Def)
      return std::nullopt;
    StateFinder Inner(Def, Ctx, Depth + 1, Visited);
    Inner.RequestsAction = RequestsAction;
    Inner.TraverseStmt(Def->getBody());
    if (Inner.Found.empty())
      return std::nullopt;
    return Inner.Found.front().Message;
  }

  void add(std::string Message, SourceLocation Loc, bool Advice = true) {
    if (Advice)
      Message += RequestsAction
                     ? ": the hook requests an action, and a failing action "
                       "skips vm_ops->mapped but still calls ->close, so "
                       "state moved to ->mapped (7.1+) needs a ->close that "
                       "undoes only what ->mapped took; or keep .mmap"
                     : ": move it to vm_ops->mapped (7.1+), undone in "
                       "->close, or keep .mmap";
    Found.push_back({ReasonCode::StateInHook, Classification::Manual,
                     std::move(Message),
                     Ctx.getSourceManager().getFileLoc(Loc)});
  }

  const DeclRefExpr *baseRef(const MemberExpr *ME) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    while (const auto *Inner = dyn_cast<MemberExpr>(Base))
      Base = Inner->getBase()->IgnoreParenImpCasts();
    return dyn_cast<DeclRefExpr>(Base);
  }

  /// The counter an atomic call changes: its pointer argument
  /// (atomic_add(i, &v) takes the value first).
  std::string atomicObject(const CallExpr *Call) {
    for (const Expr *Arg : Call->arguments())
      if (Arg->getType()->isPointerType())
        if (std::optional<std::string> Text =
                spelledText(Arg->getSourceRange(), Ctx))
          return llvm::StringRef(*Text).ltrim('&').str();
    // Hidden in a driver macro (`OP_GET(dev)`): name the macro's use.
    const SourceManager &SM = Ctx.getSourceManager();
    bool Invalid = false;
    llvm::StringRef Use =
        Lexer::getSourceText(SM.getExpansionRange(Call->getSourceRange()), SM,
                             Ctx.getLangOpts(), &Invalid);
    if (!Invalid && !Use.empty() && Call->getBeginLoc().isMacroID())
      return "the counter in " + Use.str();
    return "a counter";
  }

  /// `p->x = v` where the local p holds memory this hook allocated: the
  /// allocation is the state already reported.
  bool intoFreshAllocation(const Expr *Target) {
    const auto *ME = dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts());
    if (!ME || !ME->isArrow())
      return false;
    const auto *Ref =
        dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
    const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return VD && Allocated.count(VD);
  }

  bool isAllocation(const Expr *E) {
    // kzalloc_flex(...) is a statement expression around the allocation.
    if (isStateAcquiringCallee(outermostMacroName(E->getBeginLoc(), Ctx)))
      return true;
    const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
    if (!Call)
      return false;
    std::string Name = spelledCalleeName(Call, Ctx);
    return !Name.empty() && isStateAcquiringCallee(Name);
  }

  /// The spelling of \p Target when it is an object that outlives the
  /// hook: a field reached through a pointer or a global, or a global. The
  /// mapping's own fields (desc->pgoff += n) and locals are not.
  std::optional<std::string> longLived(const Expr *Target) {
    Target = Target->IgnoreParenImpCasts();
    if (isOnceFlag(Target))
      return std::nullopt;
    bool Shared = false;
    if (const auto *ME = dyn_cast<MemberExpr>(Target)) {
      const DeclRefExpr *Ref = baseRef(ME);
      const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      Shared = (ME->isArrow() || !VD || VD->hasGlobalStorage()) &&
               !(Ref && Ref->getDecl() == Mapping) && !throughLocal(ME);
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Target)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Shared = VD->hasGlobalStorage();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(Target)) {
      // *p = x through a pointer that is not the address of a local.
      Shared = UO->getOpcode() == UO_Deref && !throughLocal(UO->getSubExpr());
    }
    if (!Shared)
      return std::nullopt;
    return spelledText(Target->getSourceRange(), Ctx).value_or("an object");
  }

  /// The static flag of a print-once or do-once macro (`__already_done =
  /// true` in pr_debug_once()): declared by the macro where it is used, it
  /// only silences a repeat message.
  static bool isOnceFlag(const Expr *Target) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Target);
    const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return VD && VD->isStaticLocal() && VD->getLocation().isMacroID();
  }

  /// `local.field`, `(&local)->field`, `p->x` where p = &local: the object
  /// dies with the hook.
  bool throughLocal(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    while (true) {
      if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        if (ME->isArrow()) {
          E = ME->getBase()->IgnoreParenImpCasts();
          const auto *AddrOf = dyn_cast<UnaryOperator>(E);
          if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
            return localPointee(E);
          E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
          continue;
        }
        E = ME->getBase()->IgnoreParenImpCasts();
        continue;
      }
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          return VD->hasLocalStorage() && !VD->getType()->isPointerType();
      return false;
    }
  }

  /// A local pointer initialised with the address of a local (`p = &buf`).
  bool localPointee(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->hasLocalStorage() || !VD->getInit())
      return false;
    const auto *AddrOf =
        dyn_cast<UnaryOperator>(VD->getInit()->IgnoreParenImpCasts());
    return AddrOf && AddrOf->getOpcode() == UO_AddrOf &&
           throughLocal(AddrOf->getSubExpr());
  }

  llvm::DenseSet<const VarDecl *> Allocated;
  /// Macro uses already reported for a store inside them.
  llvm::DenseSet<SourceLocation> MacroStores;
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
  F.RequestsAction = requestedAction(Hook) != nullptr;
  F.TraverseStmt(Hook->getBody());
  F.finishLocks();
  return std::move(F.Found);
}

namespace {

/// Declared in a kernel include directory (include/, arch/*/include/): the
/// kernel's API, whose state-taking calls the tables and naming rules know.
bool isKernelApiDeclaration(const FunctionDecl *FD, const SourceManager &SM) {
  for (const FunctionDecl *Redecl : FD->redecls()) {
    llvm::StringRef Path =
        SM.getFilename(SM.getExpansionLoc(Redecl->getLocation()));
    if (Path.contains("/include/") || Path.starts_with("include/"))
      return true;
  }
  return false;
}

class OpaqueCallFinder : public RecursiveASTVisitor<OpaqueCallFinder> {
public:
  OpaqueCallFinder(ASTContext &Ctx, const ParmVarDecl *Mapping,
                   llvm::DenseSet<const FunctionDecl *> &Visited,
                   unsigned Depth)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Mapping(Mapping),
        Visited(Visited), Depth(Depth) {}

  std::vector<Reason> Found;

  bool VisitCallExpr(CallExpr *Call) {
    // Calls given the vma are the analyser's (dispatch, vma-escapes).
    for (const Expr *Arg : Call->arguments())
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenCasts());
          Ref && Mapping && Ref->getDecl() == Mapping)
        return true;
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD) {
      std::string Callee = spelledText(Call->getCallee()->getSourceRange(), Ctx)
                               .value_or("a function pointer");
      add("calls " + Callee + " through a function pointer", Call);
      return true;
    }
    std::string Name = spelledCalleeName(Call, Ctx);
    if (FD->getBuiltinID() || lookupKernelApi(Name) ||
        lookupKernelApi(FD->getName()) || isStateAcquiringCallee(Name) ||
        isAtomicWrite(FD->getName()))
      return true;
    if (FD->getDefinition()) {
      // A helper of this file: what it calls counts too.
      if (const FunctionDecl *Def = helperToFollow(Call, Depth, Visited, SM)) {
        OpaqueCallFinder Inner(Ctx, mappingParam(Def), Visited, Depth + 1);
        Inner.TraverseStmt(Def->getBody());
        for (Reason &R : Inner.Found) {
          R.Message = "calls " + Name + "(), which " + R.Message;
          R.Loc = SM.getFileLoc(Call->getBeginLoc());
          Found.push_back(std::move(R));
          break;
        }
      }
      return true;
    }
    // BUILD_BUG_ON()'s __compiletime_assert_N() and the like: declared by a
    // macro at the use, never called at run time.
    if (isKernelApiDeclaration(FD, SM) || FD->getLocation().isMacroID() ||
        FD->hasAttr<ErrorAttr>())
      return true;
    add("calls " + FD->getNameAsString() + "(), whose body is in another file",
        Call);
    return true;
  }

private:
  void add(const std::string &What, const CallExpr *Call) {
    Found.push_back(
        {ReasonCode::OpaqueCall, Classification::Manual,
         What + ": the tool cannot see whether it takes state or a lock that "
                "a merged or failed mapping would leave behind; check it, "
                "then convert by hand",
         SM.getFileLoc(Call->getBeginLoc())});
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const ParmVarDecl *Mapping;
  llvm::DenseSet<const FunctionDecl *> &Visited;
  unsigned Depth;
};

} // namespace

std::vector<Reason> findOpaqueCalls(const FunctionDecl *Hook, ASTContext &Ctx) {
  if (!Hook->hasBody())
    return {};
  llvm::DenseSet<const FunctionDecl *> Visited{Hook};
  OpaqueCallFinder F(Ctx, mappingParam(Hook), Visited, 0);
  F.TraverseStmt(Hook->getBody());
  return std::move(F.Found);
}

const CallExpr *requestedAction(const FunctionDecl *Hook) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const CallExpr *Found = nullptr;
    bool VisitCallExpr(CallExpr *Call) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (Found || !FD)
        return true;
      llvm::StringRef Name = FD->getName();
      const KernelApiEntry *Api = lookupKernelApi(Name);
      if (Name.starts_with("mmap_action_") ||
          (Api &&
           (Api->Role == ApiRole::Action || Api->Role == ApiRole::DescAction)))
        Found = Call;
      return true;
    }
  } F;
  if (Hook->hasBody())
    F.TraverseStmt(Hook->getBody());
  return F.Found;
}

const VarDecl *addressedVariable(const Expr *E) {
  const auto *AddrOf = dyn_cast<UnaryOperator>(E->IgnoreParenCasts());
  if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(AddrOf->getSubExpr()->IgnoreParenImpCasts());
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

} // namespace mpl
