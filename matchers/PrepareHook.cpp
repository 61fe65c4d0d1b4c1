//===- PrepareHook.cpp ----------------------------------------------------===//
#include "matchers/PrepareHook.h"
#include "matchers/ActionLocks.h"
#include "matchers/AstUtils.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/FlagUses.h"
#include "matchers/KernelApi.h"
#include "matchers/SourceText.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace mpl {
namespace {

class HookScanner : public RecursiveASTVisitor<HookScanner>,
                    public FlagUseScanner {
public:
  HookScanner(PrepareHookModel &Model, ASTContext &Ctx, unsigned Level)
      : FlagUseScanner(Ctx, Model.Flags), Model(Model), Level(Level) {}

  void run() {
    TraverseStmt(Model.Hook->getBody());
    mergeFlagTests(Model.Hook->getBody());
    checkIoWithoutPfnMap();
  }

  bool VisitMemberExpr(MemberExpr *ME) {
    // desc->vm_flags sits in an anonymous union on 6.19.
    if (isAnonymousMember(ME))
      return true;
    const auto *Base = dyn_cast<DeclRefExpr>(baseThroughAnonymous(ME));
    if (!Base || Base->getDecl() != Model.Desc)
      return true;
    StringRef Field = ME->getMemberDecl()->getName();
    std::string D = Model.Desc->getName().str();
    SourceLocation Loc = SM.getFileLoc(ME->getBeginLoc());
    bool Write = isAssignedTo(ME, Ctx);
    if (Field == "start" || Field == "end" || Field == "mm" ||
        Field == "file") {
      if (Write)
        add(ReasonCode::ImmutableField, Loc,
            "writes " + D + "->" + Field.str() +
                ", which the descriptor reports but the hook must not change");
    } else if (Field == "vm_ops" || Field == "private_data") {
      if (!Write && !mayBeSetBefore(Field, ME))
        add(ReasonCode::WriteOnlyField, Loc,
            "reads " + D + "->" + Field.str() +
                ", which is write-only: it is not pre-populated from the "
                "mapping");
    } else if (Field == "page_prot") {
      if (Write && FirstAction.isValid() &&
          SM.isBeforeInTranslationUnit(FirstAction, ME->getBeginLoc()))
        add(ReasonCode::PageProtAfterAction, Loc,
            D + "->page_prot is changed after " + FirstActionName +
                "(), which already captured it: the mapping uses the old "
                "protection; set page_prot first");
    } else if (Field == "action") {
      checkActionWrite(ME, Loc);
    } else if (Field == "vm_flags") {
      handleFlags(ME, parentStmt(ME, Ctx, /*SkipParensAndCasts=*/true));
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    std::string Name = spelledCalleeName(Call, Ctx);
    const KernelApiEntry *Api = lookupKernelApi(Name);
    if (StringRef(Name).starts_with("mmap_action_") && !FirstAction.isValid()) {
      FirstAction = Call->getBeginLoc();
      FirstActionName = Name;
    }
    // Every action sets VMA_PFNMAP_BIT or (map_kernel_pages) VMA_MIXEDMAP_BIT.
    if (StringRef(Name).starts_with("mmap_action_"))
      SetsPfnMap = true;
    // map_kernel_pages stores the array pointer; the core reads the array
    // after the hook has returned (kernel-api.md 6a).
    if (StringRef(Name).starts_with("mmap_action_map_kernel_pages"))
      for (const Expr *Arg : Call->arguments())
        if (const VarDecl *Local = localStorageBehind(Arg))
          add(ReasonCode::ActionArgLifetime, SM.getFileLoc(Arg->getBeginLoc()),
              Name + "() keeps a pointer to '" + Local->getName().str() +
                  "', which is local to the hook; the core maps the pages "
                  "after the hook has returned and reads a dead array: use "
                  "an array that outlives the mapping");
    if (StringRef(Name).starts_with("mmap_action_"))
      checkArgumentsUnderLock(Call, Name);
    if (Api && Api->Role == ApiRole::Renamed && Level >= Api->MinLevel) {
      Misuse M;
      M.Code = ReasonCode::OutdatedHelper;
      M.Loc = SM.getFileLoc(Call->getBeginLoc());
      M.Message = Name + "() was renamed " + Api->Replacement +
                  "() in 7.1; the old name is gone from current kernels";
      M.RenameLoc = SM.getExpansionLoc(Call->getBeginLoc());
      M.RenameTo = Api->Replacement;
      Model.Misuses.push_back(std::move(M));
    }
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    StringRef Name = DRE->getDecl()->getName();
    if (Name != "VMA_IO_BIT" && Name != "VMA_PFNMAP_BIT" &&
        Name != "VMA_MIXEDMAP_BIT")
      return true;
    if (!insideSetFlags(DRE))
      return true;
    if (Name == "VMA_IO_BIT")
      IoBit = SM.getFileLoc(DRE->getLocation());
    else
      SetsPfnMap = true;
    return true;
  }

private:
  /// The local whose storage \p E points into: a local array (decayed), the
  /// address of a local, or a local pointer initialised with either.
  const VarDecl *localStorageBehind(const Expr *E, unsigned Depth = 0) {
    E = E->IgnoreParenCasts();
    bool Addressed = false;
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(E))
      if (AddrOf->getOpcode() == UO_AddrOf) {
        E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
        Addressed = true;
      }
    while (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
      E = Sub->getBase()->IgnoreParenImpCasts();
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
      return nullptr;
    if (Addressed || !VD->getType()->isPointerType())
      return VD;
    // p = local_array: follow the initialiser once or twice.
    if (Depth < 2 && VD->getInit())
      return localStorageBehind(VD->getInit(), Depth + 1);
    return nullptr;
  }

  /// A write-only field read after the hook wrote it, or after a call that
  /// was given the descriptor (a stacking wrapper's inner mmap_prepare,
  /// shmem_zero_setup_desc()) reads a value set in this call, not a stale
  /// one.
  bool mayBeSetBefore(StringRef Field, const MemberExpr *Read) {
    // The descriptor's own accessors and the actions set neither field.
    return fieldMaySetBefore(Model.Hook, Model.Desc, Field, Read->getBeginLoc(),
                             Ctx, [](const CallExpr *Call) {
                               const FunctionDecl *FD = Call->getDirectCallee();
                               StringRef Callee = FD ? FD->getName() : "";
                               return !Callee.starts_with("vma_desc_") &&
                                      !Callee.starts_with("mmap_action_");
                             });
  }

  /// The action runs after the hook has returned, so after the hook's
  /// unlock: a value read under the lock may describe freed memory by then.
  void checkArgumentsUnderLock(const CallExpr *Call, const std::string &Name) {
    std::vector<HeldLock> Locks = locksReleasedAfter(Model.Hook, Call, Ctx);
    if (Locks.empty())
      return;
    const Expr *Arg = argumentFromSharedMemory(Call, 1, Model.Hook, Model.Desc);
    if (!Arg)
      return;
    add(ReasonCode::ActionArgLifetime, SM.getFileLoc(Arg->getBeginLoc()),
        Name + "() is given '" +
            spelledText(Arg->getSourceRange(), Ctx).value_or("an argument") +
            "', read under " + lockNames(Locks) +
            ", which the hook releases before returning; the action maps "
            "it after the release, when what the lock protects may be gone");
  }

  void add(ReasonCode Code, SourceLocation Loc, std::string Message) {
    Misuse M;
    M.Code = Code;
    M.Loc = Loc;
    M.Message = std::move(Message);
    Model.Misuses.push_back(std::move(M));
  }

  /// desc->action.X = ...: only the error override is the driver's.
  void checkActionWrite(const MemberExpr *Action, SourceLocation Loc) {
    const Expr *Outer = Action;
    const MemberExpr *FirstField = nullptr;
    while (true) {
      auto Parents = Ctx.getParents(*Outer);
      if (Parents.empty())
        break;
      const auto *ME = Parents[0].get<MemberExpr>();
      if (!ME)
        break;
      if (!FirstField)
        FirstField = ME;
      Outer = ME;
    }
    bool Write = isAssignedTo(Outer, Ctx);
    if (!Write)
      return;
    std::string Field =
        FirstField ? FirstField->getMemberDecl()->getName().str() : "";
    if (Field == "error_override")
      return;
    add(ReasonCode::DirectActionWrite, Loc,
        "writes " + Model.Desc->getName().str() + "->action" +
            (Field.empty() ? "" : "." + Field) +
            " directly; only the mmap_action_*() helpers may set up an action");
  }

  bool insideSetFlags(const Expr *E) {
    const Stmt *Child = E;
    for (int Depth = 0; Depth < 12; ++Depth) {
      auto Parents = Ctx.getParents(*Child);
      if (Parents.empty())
        return false;
      const Stmt *P = Parents[0].get<Stmt>();
      if (!P)
        return false;
      if (const auto *Call = dyn_cast<CallExpr>(P)) {
        std::string Name = spelledCalleeName(Call, Ctx);
        if (StringRef(Name).contains("set_flags") ||
            StringRef(Name).contains("flags_set"))
          return true;
      }
      Child = P;
    }
    return false;
  }

  void checkIoWithoutPfnMap() {
    if (IoBit.isInvalid() || SetsPfnMap)
      return;
    add(ReasonCode::IoWithoutPfnmap, IoBit,
        "sets VMA_IO_BIT without VMA_PFNMAP_BIT or VMA_MIXEDMAP_BIT and "
        "without a remap action; only kernel-owned (PFN or mixed) mappings "
        "may be I/O mappings (enforced from 7.4)");
  }

  PrepareHookModel &Model;
  unsigned Level;
  SourceLocation FirstAction;
  std::string FirstActionName;
  SourceLocation IoBit;
  bool SetsPfnMap = false;
};

} // namespace

const ParmVarDecl *descParameter(const FunctionDecl *FD) {
  if (FD->getNumParams() != 1)
    return nullptr;
  const ParmVarDecl *P = FD->getParamDecl(0);
  return isPointerToRecord(P->getType(), "vm_area_desc") ? P : nullptr;
}

PrepareHookModel analyzePrepareHook(const FunctionDecl *Hook, ASTContext &Ctx,
                                    unsigned RenameLevel) {
  PrepareHookModel Model;
  Model.Hook = Hook;
  Model.Desc = descParameter(Hook);
  Model.Flags.Definition = Hook;
  if (!Model.Desc || !Hook->hasBody())
    return Model;
  HookScanner(Model, Ctx, RenameLevel).run();
  return Model;
}

} // namespace mpl
