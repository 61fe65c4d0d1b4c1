//===- CallbackAnalyzer.cpp - classify a legacy mmap callback -------------===//
//
// Walks the callback body once. Every reference to the vma parameter must be
// explained: as a descriptor field, a flag operation, a page-table call that
// becomes an mmap action, or a reason the callback cannot be converted.
//
//===----------------------------------------------------------------------===//
#include "matchers/CallbackAnalyzer.h"
#include "matchers/ActionLocks.h"
#include "matchers/AstUtils.h"
#include "matchers/FlagUses.h"
#include "matchers/HookState.h"
#include "matchers/SourceText.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace mpl {

Classification CallbackModel::classification() const {
  Classification Worst = Classification::Convertible;
  for (const Reason &R : Reasons)
    if (static_cast<int>(R.Severity) > static_cast<int>(Worst))
      Worst = R.Severity;
  return Worst;
}

void CallbackModel::addReason(ReasonCode Code, Classification Severity,
                              std::string Msg, SourceLocation Loc) {
  for (const Reason &R : Reasons)
    if (R.Code == Code && R.Message == Msg)
      return;
  Reasons.push_back({Code, Severity, std::move(Msg), Loc});
}

void CallbackModel::addReason(ReasonCode Code, std::string Msg,
                              SourceLocation Loc) {
  addReason(Code, reasonInfo(Code).Severity, std::move(Msg), Loc);
}

namespace {

const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

class BodyScanner : public RecursiveASTVisitor<BodyScanner>,
                    public FlagUseScanner {
public:
  BodyScanner(CallbackModel &M, ASTContext &Ctx,
              const TranslationUnitFacts &Facts, unsigned Depth = 0,
              const FunctionDecl *Root = nullptr)
      : FlagUseScanner(Ctx, M), Facts(Facts), Depth(Depth),
        Root(Root ? Root : M.Definition) {}

  void run() {
    const auto *Body = cast<CompoundStmt>(M.Definition->getBody());
    TopLevel = Body;
    TraverseStmt(const_cast<CompoundStmt *>(Body));
    finish();
  }

  bool TraverseForStmt(ForStmt *S) {
    if (isScopedGuard(S))
      return RecursiveASTVisitor::TraverseForStmt(S);
    return traverseLoop(S);
  }
  bool TraverseWhileStmt(WhileStmt *S) { return traverseLoop(S); }
  bool TraverseDoStmt(DoStmt *S) { return traverseLoop(S); }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (DRE->getDecl() == M.FileParm)
      M.FileRefs.push_back(DRE);
    if (DRE->getDecl() == M.VmaParm)
      handleVmaRef(DRE);
    return true;
  }

private:
  template <typename LoopT> bool traverseLoop(LoopT *S) {
    ++LoopDepth;
    bool Result = RecursiveASTVisitor::TraverseStmt(S->getBody());
    --LoopDepth;
    // Conditions and increments run in the loop too.
    for (Stmt *Child : S->children())
      if (Child && Child != S->getBody()) {
        ++LoopDepth;
        TraverseStmt(Child);
        --LoopDepth;
      }
    return Result;
  }

  bool spelledInFile(const Stmt *S) {
    return spelledFileRange(S->getSourceRange(), Ctx).has_value();
  }

  void handleVmaRef(const DeclRefExpr *DRE) {
    SourceLocation Loc = DRE->getLocation();
    if (Loc.isMacroID() && !SM.isMacroArgExpansion(Loc)) {
      M.addReason(
          ReasonCode::MacroSpelled,
          "the vma is used inside the body of macro '" +
              Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts()).str() +
              "'; a rewrite there would change every expansion",
          SM.getExpansionLoc(Loc));
      return;
    }
    const Stmt *P = parentStmt(DRE, Ctx, /*SkipParensAndCasts=*/true);
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(P)) {
      while (isAnonymousMember(ME)) {
        const auto *Outer = dyn_cast_or_null<MemberExpr>(
            parentStmt(ME, Ctx, /*SkipParensAndCasts=*/true));
        if (!Outer)
          break;
        ME = Outer;
      }
      handleMember(ME);
      return;
    }
    if (const auto *Call = dyn_cast_or_null<CallExpr>(P)) {
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (strip(Call->getArg(I)) == DRE) {
          handleCallArg(Call, I);
          return;
        }
    }
    if (const IfStmt *If = nullTestOf(DRE, P)) {
      M.NullTests.push_back(If);
      line(If->getBeginLoc(),
           "the vma NULL test goes: a descriptor is never NULL");
      return;
    }
    if (P &&
        (isa<DeclStmt>(P) || (isa<BinaryOperator>(P) &&
                              cast<BinaryOperator>(P)->isAssignmentOp()))) {
      M.addReason(ReasonCode::StoresVma,
                  "stores the vma pointer; no VMA exists while mmap_prepare "
                  "runs",
                  DRE->getBeginLoc());
      return;
    }
    M.addReason(ReasonCode::VmaEscapes,
                "uses the vma pointer itself, which mmap_prepare does not have",
                DRE->getBeginLoc());
  }

  /// `if (!vma) ...` or `if (vma == NULL) ...` with no else: the branch can
  /// never run for a descriptor, so the whole statement goes.
  const IfStmt *nullTestOf(const DeclRefExpr *DRE, const Stmt *P) {
    const Expr *Test = nullptr;
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P);
        UO && UO->getOpcode() == UO_LNot)
      Test = UO;
    else if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
             BO && BO->getOpcode() == BO_EQ) {
      const Expr *Other =
          strip(BO->getLHS()) == DRE ? BO->getRHS() : BO->getLHS();
      if (Other->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        Test = BO;
    }
    if (!Test)
      return nullptr;
    const auto *If = dyn_cast_or_null<IfStmt>(
        parentStmt(Test, Ctx, /*SkipParensAndCasts=*/true));
    if (!If || strip(If->getCond()) != Test || If->getElse() || If->getInit() ||
        If->getConditionVariable() || !spelledInFile(If))
      return nullptr;
    return If;
  }

  const MemberExpr *asVmaMember(const Expr *E, StringRef Field) {
    const auto *ME = dyn_cast_or_null<MemberExpr>(strip(E));
    if (!ME || ME->getMemberDecl()->getName() != Field)
      return nullptr;
    const auto *Base = dyn_cast<DeclRefExpr>(baseThroughAnonymous(ME));
    return Base && Base->getDecl() == M.VmaParm ? ME : nullptr;
  }

  void handleMember(const MemberExpr *ME) {
    if (Consumed.count(ME))
      return;
    StringRef Name = ME->getMemberDecl()->getName();
    static const llvm::StringMap<VmaField> Fields = {
        {"vm_start", VmaField::Start},
        {"vm_end", VmaField::End},
        {"vm_pgoff", VmaField::Pgoff},
        {"vm_page_prot", VmaField::PageProt},
        {"vm_ops", VmaField::VmOps},
        {"vm_private_data", VmaField::PrivateData},
        {"vm_file", VmaField::VmFile},
        {"vm_mm", VmaField::Mm},
        {"vm_flags", VmaField::Flags}};
    auto It = Fields.find(Name);
    if (It == Fields.end()) {
      M.addReason(ReasonCode::VmaField,
                  "vma->" + Name.str() + " has no vm_area_desc equivalent",
                  ME->getBeginLoc());
      return;
    }
    if (!spelledInFile(ME)) {
      M.addReason(ReasonCode::MacroSpelled,
                  "vma->" + Name.str() + " is spelled inside a macro",
                  SM.getExpansionLoc(ME->getBeginLoc()));
      return;
    }
    VmaField Field = It->second;
    const Stmt *P = parentStmt(ME, Ctx, /*SkipParensAndCasts=*/true);
    bool Write = writesChild(P, ME, /*AddressOfCounts=*/true);

    if (Field == VmaField::Flags) {
      handleFlags(ME, P);
      return;
    }
    // vma->vm_end - vma->vm_start is the mapping size.
    if (Field == VmaField::End) {
      if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
          BO && BO->getOpcode() == BO_Sub && strip(BO->getLHS()) == ME) {
        if (const MemberExpr *Start = asVmaMember(BO->getRHS(), "vm_start")) {
          Consumed.insert(Start);
          M.Leaves.push_back({LeafUse::Size, BO});
          line(BO->getBeginLoc(),
               "vma->vm_end - vma->vm_start -> vma_desc_size()");
          return;
        }
      }
    }
    switch (Field) {
    case VmaField::Start:
    case VmaField::End:
      if (Write) {
        M.addReason(ReasonCode::WritesVmaRange,
                    "writes vma->" + Name.str() +
                        "; desc->start/end are immutable",
                    ME->getBeginLoc());
        return;
      }
      break;
    case VmaField::VmOps:
    case VmaField::PrivateData:
      if (!Write && !setEarlier(ME)) {
        M.addReason(ReasonCode::ReadsWriteOnly,
                    "reads vma->" + Name.str() +
                        "; its descriptor twin is write-only",
                    ME->getBeginLoc());
        return;
      }
      break;
    default:
      break;
    }
    LeafUse Leaf{LeafUse::Field, ME};
    Leaf.FieldName = Field;
    M.Leaves.push_back(Leaf);
  }

  /// vma->vm_ops read after the callback wrote it, or after it handed the
  /// vma to an inner mmap (a stacking wrapper: vfs_mmap(), an inner ops
  /// table's ->mmap): on the descriptor the read sees what this call set,
  /// which is not the write-only problem.
  bool setEarlier(const MemberExpr *Read) {
    return fieldMaySetBefore(
        M.Definition, M.VmaParm, Read->getMemberDecl()->getName(),
        Read->getBeginLoc(), Ctx, [&](const CallExpr *Call) {
          const KernelApiEntry *Api =
              lookupKernelApi(spelledCalleeName(Call, Ctx));
          return !Call->getDirectCallee() ||
                 (Api && Api->Role == ApiRole::FrameworkDispatch);
        });
  }

  /// The call itself (not just its arguments) comes from the body of a
  /// driver macro the tool does not understand: rewriting the use site would
  /// bypass the macro.
  bool spelledInMacroBody(const CallExpr *Call, const std::string &Name) {
    SourceLocation RParen = Call->getRParenLoc();
    if (!RParen.isMacroID() || SM.isMacroArgExpansion(RParen))
      return false;
    return wrappingMacro(Call, Ctx) != Name;
  }

  /// The vma is argument \p Index of \p Call: what the callee is decides
  /// what the argument becomes (or why it cannot).
  void handleCallArg(const CallExpr *Call, unsigned Index) {
    std::string Name = spelledCalleeName(Call, Ctx);
    SourceLocation Loc = Call->getBeginLoc();
    if (spelledInMacroBody(Call, Name)) {
      M.addReason(ReasonCode::MacroSpelled,
                  Name +
                      "() is called with the vma inside the body of macro '" +
                      wrappingMacro(Call, Ctx) +
                      "'; a rewrite there would change every expansion",
                  SM.getExpansionLoc(Loc));
      return;
    }
    if (handleFieldAccessor(Call, Name, Index) ||
        handleKernelApi(Call, Name, Index) || handleOpsSlotCall(Call))
      return;
    handleFunctionCall(Call, Name, Index);
  }

  /// mm.h accessors that read one field: vma_start_pgoff(vma) is
  /// vma->vm_pgoff, desc->pgoff on the descriptor.
  bool handleFieldAccessor(const CallExpr *Call, const std::string &Name,
                           unsigned Index) {
    if (Name != "vma_start_pgoff" || Index != 0 || !spelledInFile(Call))
      return false;
    LeafUse Leaf{LeafUse::Field, Call};
    Leaf.FieldName = VmaField::Pgoff;
    M.Leaves.push_back(Leaf);
    line(Call->getBeginLoc(), "vma_start_pgoff() -> desc->pgoff");
    return true;
  }

  /// A kernel function of the KernelApi table.
  bool handleKernelApi(const CallExpr *Call, const std::string &Name,
                       unsigned Index) {
    const KernelApiEntry *Api = lookupKernelApi(Name);
    if (!Api)
      return false;
    SourceLocation Loc = Call->getBeginLoc();
    // A rewrite needs the vma where the row expects it.
    bool Rewritten = Api->Role == ApiRole::FlagHelper ||
                     Api->Role == ApiRole::SyncTwin ||
                     Api->Role == ApiRole::Action;
    if (Rewritten && Api->argIndex(ArgRole::Vma) != static_cast<int>(Index))
      return false;
    switch (Api->Role) {
    case ApiRole::FlagHelper:
      handleFlagHelper(Call, *Api, Name);
      return true;
    case ApiRole::SyncTwin:
      handleTwin(Call, *Api, Name);
      return true;
    case ApiRole::Action:
      handleAction(Call, *Api, Name);
      return true;
    case ApiRole::Blocker:
      M.addReason(Api->Reason, "calls " + Name + "(): " + Api->Detail, Loc);
      return true;
    case ApiRole::FrameworkDispatch:
    case ApiRole::FrameworkHandler:
      M.addReason(ReasonCode::FrameworkDispatch,
                  "passes the vma to " + Name +
                      "(), which maps through its framework's own ops",
                  Loc);
      return true;
    default:
      return false;
    }
  }

  /// A call through an ops slot (`ops->mmap(file, vma)`), also through a
  /// local copy of it (`const auto mmap = pde->proc_ops->proc_mmap;
  /// mmap(file, vma)`).
  bool handleOpsSlotCall(const CallExpr *Call) {
    const Expr *Callee = strip(Call->getCallee());
    std::string Through;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Callee))
      if (const auto *Local = dyn_cast<VarDecl>(Ref->getDecl());
          Local && Local->hasLocalStorage() && !isa<ParmVarDecl>(Local) &&
          Local->getInit())
        if (const auto *Slot =
                dyn_cast<MemberExpr>(Local->getInit()->IgnoreParenCasts())) {
          Callee = Slot;
          Through = " (through '" + Local->getName().str() + "')";
        }
    const auto *ME = dyn_cast<MemberExpr>(Callee);
    if (!ME)
      return false;
    SourceLocation Loc = Call->getBeginLoc();
    QualType BaseType = ME->getBase()->getType();
    if (ME->isArrow() && BaseType->isPointerType())
      BaseType = BaseType->getPointeeType();
    std::string Struct = "?";
    if (const RecordDecl *RD = BaseType->getAsRecordDecl())
      Struct = RD->getName().str();
    std::string Field = ME->getMemberDecl()->getName().str() + Through;
    if (Struct == "vm_operations_struct" && Field == "open") {
      M.addReason(ReasonCode::CallsVmOpen,
                  "calls vm_ops->open(vma) itself; with mmap_prepare that "
                  "work belongs in vm_ops->mapped (7.1+)",
                  Loc);
      return true;
    }
    M.addReason(ReasonCode::FrameworkDispatch,
                "passes the vma to " + Struct + "." + Field +
                    "; the inner ops table must move to mmap_prepare first",
                Loc);
    return true;
  }

  /// Any other function: the file's own vm_ops->open handler, a helper of
  /// this file (converted with the callback when it can be), or code that
  /// needs a real VMA.
  void handleFunctionCall(const CallExpr *Call, const std::string &Name,
                          unsigned Index) {
    SourceLocation Loc = Call->getBeginLoc();
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && Facts.VmOpenHandlers.count(FD->getCanonicalDecl())) {
      M.addReason(ReasonCode::CallsVmOpen,
                  "calls its vm_ops->open handler " + Name +
                      "() itself; with mmap_prepare that work belongs in "
                      "vm_ops->mapped (7.1+)",
                  Loc);
      return;
    }
    if (FD && FD->hasBody()) {
      InnerBlocker.reset();
      if (std::optional<std::string> Why = helperTwin(Call, FD, Index))
        // A helper that hands the vma on to a framework or to code that
        // needs a real VMA blocks the callback for that same reason.
        M.addReason(InnerBlocker.value_or(ReasonCode::HelperTakesVma),
                    "passes the vma to " + Name + "(), defined in this file, " +
                        *Why,
                    Loc);
      return;
    }
    M.addReason(
        ReasonCode::VmaEscapes,
        "passes the vma to " +
            (Name.empty() ? std::string("a function pointer") : Name + "()") +
            ", which needs a real VMA",
        Loc);
  }

  /// A static helper of this file that takes the vma, is called only from
  /// the callback (or helpers converted with it) and needs nothing a
  /// descriptor lacks is converted with the callback (a desc twin). Returns
  /// why it cannot be, or nothing when it is.
  std::optional<std::string>
  helperTwin(const CallExpr *Call, const FunctionDecl *FD, unsigned Index) {
    const FunctionDecl *Def = FD->getDefinition();
    std::string Name = Def->getNameAsString();
    if (Def->getStorageClass() != SC_Static || Def->isVariadic() ||
        Def->getLocation().isMacroID() ||
        !SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())))
      return "which other files can call: it needs a vm_area_desc twin";
    if (Depth >= 3 || Def == M.Definition || Def == Root)
      return "through a chain of helpers the tool does not follow";
    if (Index >= Def->getNumParams())
      return "with an unexpected signature";
    // Every use of the helper must be a call from the code being converted.
    std::vector<std::string> Others;
    for (const DeclRefExpr *Ref : referencesTo(Def, Ctx)) {
      const FunctionDecl *Caller = enclosingFunction(Ref);
      const auto *RefCall = dyn_cast_or_null<CallExpr>(
          parentStmt(Ref, Ctx, /*SkipParensAndCasts=*/true));
      bool FromConverted = Caller && (Caller == Root || isHelperOf(Caller)) &&
                           RefCall && strip(RefCall->getCallee()) == Ref;
      if (!FromConverted)
        Others.push_back(Caller ? Caller->getNameAsString() + "()"
                                : "line " +
                                      std::to_string(SM.getExpansionLineNumber(
                                          Ref->getLocation())));
    }
    if (!Others.empty())
      return "which is also used by " + llvm::join(Others, ", ") +
             ": that use needs the vma";
    for (const CallbackModel &H : M.Helpers)
      if (H.Definition == Def) {
        addVmaArg(Call, Index);
        return std::nullopt;
      }
    CallbackModel Sub;
    Sub.Definition = Def;
    Sub.VmaParm = Def->getParamDecl(Index);
    Sub.VmaParamIndex = Index;
    BodyScanner(Sub, Ctx, Facts, Depth + 1, Root).run();
    for (Reason &R : findHookState(Def, Ctx))
      Sub.addReason(R.Code, R.Severity, R.Message, R.Loc);
    if (!Sub.Reasons.empty()) {
      const Reason &First = Sub.Reasons.front();
      if (First.Severity == Classification::Blocked) {
        InnerBlocker = First.Code;
        return "which " + First.Message;
      }
      return "which " + First.Message + " [" + reasonId(First.Code) + "]";
    }
    if (!Sub.Actions.empty())
      return "which maps memory itself; the action belongs in the hook";
    if (declaresName(Def, "desc"))
      return "where the name 'desc' is already taken";
    for (std::string &L : Sub.Explanation)
      M.Explanation.push_back(Name + "(): " + L);
    M.Explanation.push_back(Name + "() takes the descriptor (a desc twin)");
    M.Helpers.push_back(std::move(Sub));
    addVmaArg(Call, Index);
    return std::nullopt;
  }

  bool isHelperOf(const FunctionDecl *FD) const {
    for (const CallbackModel &H : M.Helpers)
      if (H.Definition == FD->getDefinition())
        return true;
    return FD == M.Definition;
  }

  void addVmaArg(const CallExpr *Call, unsigned Index) {
    M.Leaves.push_back({LeafUse::VmaArg, strip(Call->getArg(Index))});
  }

  const FunctionDecl *enclosingFunction(const Stmt *S) {
    DynTypedNodeList Parents = Ctx.getParents(*S);
    while (!Parents.empty()) {
      if (const auto *FD = Parents[0].get<FunctionDecl>())
        return FD;
      if (const auto *P = Parents[0].get<Stmt>())
        Parents = Ctx.getParents(*P);
      else if (const auto *D = Parents[0].get<Decl>())
        Parents = Ctx.getParents(*D);
      else
        break;
    }
    return nullptr;
  }

  /// vm_flags_set(vma, VM_X | VM_Y) and friends.
  void handleFlagHelper(const CallExpr *Call, const KernelApiEntry &Api,
                        const std::string &Name) {
    SourceLocation Loc = Call->getBeginLoc();
    int SetArg = Api.argIndex(ArgRole::Mask);
    int ClearArg = Api.argIndex(ArgRole::ClearMask);
    unsigned Expected = 1 + (SetArg >= 0) + (ClearArg >= 0);
    if (Call->getNumArgs() != Expected) {
      M.addReason(ReasonCode::FlagsExpression,
                  Name + "() is called in an unexpected way", Loc);
      return;
    }
    if (!spelledInFile(Call)) {
      M.addReason(ReasonCode::MacroSpelled,
                  Name + "() is spelled inside a macro",
                  SM.getExpansionLoc(Loc));
      return;
    }
    static const LeafUse::Kind Kinds[] = {LeafUse::FlagSet, LeafUse::FlagSet,
                                          LeafUse::FlagClear, LeafUse::FlagMod,
                                          LeafUse::FlagReset};
    LeafUse Leaf{Kinds[static_cast<unsigned>(Api.Flags)], Call};
    if (!recordMask(Call->getArg(SetArg), Leaf.Bits))
      return;
    if (ClearArg >= 0 && !recordMask(Call->getArg(ClearArg), Leaf.ClearBits))
      return;
    if (Leaf.K == LeafUse::FlagMod &&
        !isa_and_nonnull<CompoundStmt>(
            parentStmt(Call, Ctx, /*SkipParensAndCasts=*/true))) {
      M.addReason(ReasonCode::FlagsExpression,
                  "vm_flags_mod() becomes two statements and must stand "
                  "as a statement of its own",
                  Loc);
      return;
    }
    M.Leaves.push_back(Leaf);
    line(Loc, Name + "() -> " +
                  (Leaf.K == LeafUse::FlagClear ? "vma_desc_clear_flags()"
                   : Leaf.K == LeafUse::FlagReset
                       ? "desc->vma_flags = mk_vma_flags()"
                       : "vma_desc_set_flags()"));
  }

  /// A synchronous call with a descriptor twin: the call is replaced in
  /// place, its result and everything after it keep their meaning.
  void handleTwin(const CallExpr *Call, const KernelApiEntry &Api,
                  const std::string &Name) {
    // A macro spelling the whole call maps back to the file as one range,
    // but its expansion's arguments (mk_vma_flags(...)) do not.
    bool Invocation = isWholeInvocationOf(Call, Name);
    if (!spelledInFile(Call) && !Invocation) {
      M.addReason(ReasonCode::MacroSpelled,
                  Name + "() is spelled inside a macro",
                  SM.getExpansionLoc(Call->getBeginLoc()));
      return;
    }
    int FileArg = Api.argIndex(ArgRole::File);
    if (FileArg >= 0 && !isRef(Call->getArg(FileArg), M.FileParm)) {
      // generic_file_mmap(other_file, vma): the twin reads desc->file.
      M.addReason(ReasonCode::VmaEscapes,
                  Name + "() is given a file other than the mapping's; " +
                      Api.Replacement + "() uses the descriptor's",
                  Call->getBeginLoc());
      return;
    }
    LeafUse Leaf{LeafUse::Twin, Call};
    Leaf.Api = &Api;
    Leaf.MacroInvocation = Invocation;
    M.Leaves.push_back(Leaf);
    line(Call->getBeginLoc(), Name + "() -> " + Api.Replacement + "()");
  }

  /// vma_set_flags(vma, A, B) expands to a call of vma_set_flags_mask():
  /// the invocation is rewritten as written, so the vma must be its first
  /// argument and appear nowhere else in it.
  bool isWholeInvocationOf(const CallExpr *Call, const std::string &Name) {
    if (wrappingMacro(Call, Ctx) != Name || Call->getNumArgs() == 0)
      return false;
    const auto *First = dyn_cast<DeclRefExpr>(strip(Call->getArg(0)));
    if (!First || First->getDecl() != M.VmaParm ||
        !SM.isMacroArgExpansion(First->getLocation()))
      return false;
    for (unsigned I = 1; I < Call->getNumArgs(); ++I)
      if (mentions(Call->getArg(I), M.VmaParm))
        return false;
    return true;
  }

  static bool mentions(const Stmt *S, const ValueDecl *D) {
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S))
      if (Ref->getDecl() == D)
        return true;
    for (const Stmt *Child : S->children())
      if (Child && mentions(Child, D))
        return true;
    return false;
  }

  // `if (V) return ...;`, `if (V < 0) return ...;`, `if (V != 0) ...`.
  const ReturnStmt *failureReturn(const Stmt *S, const VarDecl *V) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || If->getElse() || If->getInit() || If->getConditionVariable())
      return nullptr;
    const Expr *Cond = strip(If->getCond());
    auto IsV = [&](const Expr *E) {
      const auto *DRE = dyn_cast<DeclRefExpr>(strip(E));
      return DRE && DRE->getDecl() == V;
    };
    bool Matches = false;
    if (V ? IsV(Cond) : false)
      Matches = true;
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      const auto *Zero = dyn_cast<IntegerLiteral>(strip(BO->getRHS()));
      if (IsV(BO->getLHS()) && Zero && Zero->getValue() == 0 &&
          (BO->getOpcode() == BO_NE || BO->getOpcode() == BO_LT))
        Matches = true;
    }
    if (!Matches)
      return nullptr;
    const Stmt *Then = If->getThen();
    if (const auto *CS = dyn_cast<CompoundStmt>(Then)) {
      if (CS->size() != 1)
        return nullptr;
      Then = CS->body_front();
    }
    return dyn_cast<ReturnStmt>(Then);
  }

  // The errno a failure is turned into, spelled as written, if constant.
  std::optional<std::string> errnoSpelling(const Expr *E) {
    Expr::EvalResult R;
    if (!E || !E->EvaluateAsInt(R, Ctx) || !R.Val.getInt().isNegative())
      return std::nullopt;
    return spelledText(E->getSourceRange(), Ctx);
  }

  bool isRef(const Expr *E, const VarDecl *V) {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E));
    return DRE && DRE->getDecl() == V;
  }

  void handleAction(const CallExpr *Call, const KernelApiEntry &Api,
                    const std::string &Name) {
    SourceLocation Loc = Call->getBeginLoc();
    if (LoopDepth > 0) {
      M.addReason(ReasonCode::RemapInLoop,
                  "calls " + Name + "() in a loop; a mapping gets one action",
                  Loc);
      return;
    }
    if (reportedUnderLock(Call, Name))
      return;
    MapAction A;
    A.Kind = Api.Action;
    A.Api = &Api;
    A.Call = Call;
    A.CalleeName = Name;
    if (!readResultUse(A) || !placeAction(A) || !readActionArguments(A))
      return;
    line(Loc, Name + "() -> mmap action" +
                  std::string(A.WholeMapping ? " over the whole mapping" : "") +
                  (A.ErrorOverride.empty()
                       ? ""
                       : ", failure reported as " + A.ErrorOverride));
    M.Actions.push_back(std::move(A));
  }

  /// Why the result of the page-table call cannot be carried over.
  bool unsupported(const MapAction &A, const std::string &Why) {
    M.addReason(ReasonCode::RemapResultUse,
                "the result of " + A.CalleeName + "() " + Why,
                A.Call->getBeginLoc());
    return false;
  }

  /// How the call's result is used, by the statement around it: returned,
  /// tested by an `if` that returns an errno, ignored, or kept in a variable
  /// that the next statement tests. Records the statements the action
  /// replaces.
  bool readResultUse(MapAction &A) {
    const Stmt *P = parentStmt(A.Call, Ctx, /*SkipParensAndCasts=*/true);
    if (isa_and_nonnull<ReturnStmt>(P)) {
      A.Use = ResultUse::Returned;
      A.Replaced = {P};
      return true;
    }
    if (const auto *If = dyn_cast_or_null<IfStmt>(P);
        If && strip(If->getCond()) == A.Call)
      return readTestedResult(A, If);
    if (isa_and_nonnull<CompoundStmt>(P)) {
      A.Use = ResultUse::Ignored;
      A.Replaced = {A.Call};
      M.Notes.push_back(
          {A.Call->getBeginLoc(), "the result of " + A.CalleeName +
                                      "() was ignored; as an mmap action its "
                                      "failure now fails the mmap"});
      return true;
    }
    return readStoredResult(A, P);
  }

  /// `if (f(...)) return -EXXX;`
  bool readTestedResult(MapAction &A, const IfStmt *If) {
    const std::string &Name = A.CalleeName;
    const ReturnStmt *Ret = failureReturn(If, nullptr);
    if (!Ret) {
      // failureReturn() matched on a variable; here the call is the
      // condition itself.
      const Stmt *Then = If->getThen();
      if (const auto *CS = dyn_cast<CompoundStmt>(Then); CS && CS->size() == 1)
        Then = CS->body_front();
      Ret = If->getElse() ? nullptr : dyn_cast<ReturnStmt>(Then);
    }
    std::optional<std::string> Errno =
        Ret ? errnoSpelling(Ret->getRetValue()) : std::nullopt;
    if (!Errno)
      return unsupported(A, "is tested with code the tool cannot move "
                            "(only `if (" +
                                Name + "(...)) return -EXXX;` is)");
    A.Use = ResultUse::FailReturns;
    A.ErrorOverride = *Errno;
    A.Replaced = {If};
    return true;
  }

  /// `ret = f(...);` or `int ret = f(...);`, then a test of ret.
  bool readStoredResult(MapAction &A, const Stmt *P) {
    const VarDecl *V = nullptr;
    const Stmt *Holder = nullptr;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
        BO && BO->getOpcode() == BO_Assign &&
        isa_and_nonnull<CompoundStmt>(
            parentStmt(BO, Ctx, /*SkipParensAndCasts=*/true))) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(BO->getLHS())))
        V = dyn_cast<VarDecl>(DRE->getDecl());
      Holder = BO;
    } else if (const auto *DS = dyn_cast_or_null<DeclStmt>(P);
               DS && DS->isSingleDecl()) {
      V = dyn_cast<VarDecl>(DS->getSingleDecl());
      Holder = DS;
    }
    if (!V || !V->isLocalVarDecl() || !Holder)
      return unsupported(A, "is used in a way the tool cannot convert");
    A.Use = ResultUse::Checked;
    A.ResultVar = V;
    A.Replaced = {Holder};
    // The statement after it must test V (or return it).
    const Stmt *Next = nextStatement(Holder);
    if (const auto *Ret = dyn_cast_or_null<ReturnStmt>(Next);
        Ret && isRef(Ret->getRetValue(), V)) {
      A.Replaced.push_back(Ret);
      A.Use = ResultUse::Returned;
    } else if (const ReturnStmt *Fail =
                   Next ? failureReturn(Next, V) : nullptr) {
      A.Replaced.push_back(Next);
      if (!isRef(Fail->getRetValue(), V)) {
        std::optional<std::string> Errno = errnoSpelling(Fail->getRetValue());
        if (!Errno)
          return unsupported(A, "is turned into a value the tool cannot move");
        A.ErrorOverride = *Errno;
      }
    } else {
      return unsupported(A, "is used after the call; the action only runs "
                            "once the hook has returned");
    }
    if (!isa<DeclStmt>(Holder)) {
      const auto *DS = declStmtOf(V, Ctx);
      if (!DS || !DS->isSingleDecl() || V->hasInit())
        return unsupported(A, "is kept in '" + V->getName().str() +
                                  "', which is declared together with other "
                                  "variables or initialised");
      A.ResultVarDecl = DS;
    }
    if (countRefs(V) != expectedRefs(A))
      return unsupported(A, "is kept in '" + V->getName().str() +
                                "', which is used elsewhere too");
    return true;
  }

  /// The statements the action replaces must be written in the file and
  /// sit at the top level of the body, with nothing after them that
  /// needs the call to have run.
  bool placeAction(const MapAction &A) {
    const std::string &Name = A.CalleeName;
    SourceLocation Loc = A.Call->getBeginLoc();
    for (const Stmt *S : A.Replaced)
      if (!spelledInFile(S)) {
        M.addReason(ReasonCode::MacroSpelled,
                    Name + "() is spelled inside a macro",
                    SM.getExpansionLoc(Loc));
        return false;
      }
    if (A.Use == ResultUse::Returned)
      return true;
    const Stmt *Last =
        A.Use == ResultUse::Ignored ? A.Replaced.front() : A.Replaced.back();
    if (parentStmt(Last, Ctx, /*SkipParensAndCasts=*/true) != TopLevel) {
      M.addReason(ReasonCode::RemapNested,
                  Name +
                      "() sits inside a nested block; only a top-level "
                      "call or a `return " +
                      Name + "(...)` converts",
                  Loc);
      return false;
    }
    checkCodeAfter(Last, A, Name);
    return true;
  }

  /// The call's arguments as the action takes them: the range, a page
  /// array that must outlive the hook, a protection other than the vma's.
  bool readActionArguments(MapAction &A) {
    const CallExpr *Call = A.Call;
    const KernelApiEntry &Api = *A.Api;
    unsigned Arity = 0;
    while (Arity < Api.Args.size() && Api.Args[Arity] != ArgRole::None)
      ++Arity;
    if (Call->getNumArgs() != Arity)
      return unsupported(A, "comes from a call with an unexpected signature");
    // Arguments after the vma.
    for (unsigned I = 1; I < Call->getNumArgs(); ++I)
      A.Args.push_back(Call->getArg(I));
    if (int StartArg = Api.argIndex(ArgRole::Start); StartArg >= 0) {
      int SizeArg = Api.argIndex(ArgRole::Size);
      A.WholeMapping = asVmaMember(Call->getArg(StartArg), "vm_start") &&
                       SizeArg >= 0 &&
                       isWholeMappingSize(Call->getArg(SizeArg));
    }
    // map_kernel_pages keeps the pointer: the array must outlive the hook.
    if (int PagesArg = Api.argIndex(ArgRole::Pages); PagesArg >= 0) {
      const Expr *Pages = strip(Call->getArg(PagesArg));
      if (const auto *UO = dyn_cast<UnaryOperator>(Pages);
          UO && UO->getOpcode() == UO_AddrOf)
        Pages = strip(UO->getSubExpr());
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Pages))
        Pages = strip(ASE->getBase());
      const auto *DRE = dyn_cast<DeclRefExpr>(Pages);
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (V && V->isLocalVarDecl() && !V->isStaticLocal() &&
          V->getType()->isArrayType()) {
        M.addReason(ReasonCode::LocalPageArray,
                    "'" + V->getName().str() +
                        "' is an array local to the "
                        "callback; the action would read it after the hook has "
                        "returned",
                    Call->getArg(PagesArg)->getBeginLoc());
        return false;
      }
    }
    if (int ProtArg = Api.argIndex(ArgRole::Prot);
        ProtArg >= 0 && !asVmaMember(Call->getArg(ProtArg), "vm_page_prot")) {
      A.Prot = Call->getArg(ProtArg);
      A.ProtLocal = protTemporary(A.Prot, Call);
      M.Notes.push_back(
          {A.Prot->getBeginLoc(),
           "the old code passed " + A.CalleeName +
               "() a page protection of its own and left vm_page_prot as it "
               "was; the action maps with desc->page_prot, so the VMA's page "
               "protection now changes to that value too"});
    }
    return true;
  }

  bool refersToVma(const Stmt *S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->getDecl() == M.VmaParm)
      return true;
    for (const Stmt *Child : S->children())
      if (Child && refersToVma(Child))
        return true;
    return false;
  }

  /// The top-level statement of the body that holds \p S, or null.
  const Stmt *topLevelStatement(const Stmt *S) {
    const Stmt *Body = M.Definition->getBody();
    for (const Stmt *P = parentStmt(S, Ctx); P; S = P, P = parentStmt(S, Ctx))
      if (P == Body)
        return S;
    return nullptr;
  }

  /// \p Prot, the page-table call's protection, as a local that only
  /// carries vm_page_prot to it: one source (its initialiser or one
  /// `prot = vma->vm_page_prot;`), then only `prot = f(prot);` statements,
  /// all at the top level of a body without goto and in that order, no
  /// step that could reach the vma, and no other use of vm_page_prot.
  /// Folding it into desc->page_prot then gives the action the same
  /// protection, with every step run where it ran.
  std::optional<ProtTemporary> protTemporary(const Expr *Prot,
                                             const CallExpr *Call) {
    const auto *Ref = dyn_cast<DeclRefExpr>(strip(Prot));
    const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!V || !V->isLocalVarDecl() || V->isStaticLocal())
      return std::nullopt;
    ProtTemporary T;
    T.Var = V;
    T.Decl = declStmtOf(V, Ctx);
    const Stmt *CallStmt = topLevelStatement(Call);
    if (!T.Decl || !T.Decl->isSingleDecl() || !CallStmt ||
        topLevelStatement(T.Decl) != T.Decl)
      return std::nullopt;
    struct Uses : RecursiveASTVisitor<Uses> {
      const VarDecl *V;
      std::vector<const DeclRefExpr *> Refs;
      std::vector<const MemberExpr *> Members;
      bool Gotos = false;
      bool VisitDeclRefExpr(DeclRefExpr *E) {
        if (E->getDecl() == V)
          Refs.push_back(E);
        return true;
      }
      bool VisitMemberExpr(MemberExpr *E) {
        Members.push_back(E);
        return true;
      }
      bool VisitGotoStmt(GotoStmt *) { return Gotos = true; }
      bool VisitIndirectGotoStmt(IndirectGotoStmt *) { return Gotos = true; }
    } U;
    U.V = V;
    U.TraverseStmt(M.Definition->getBody());
    if (U.Gotos)
      return std::nullopt;
    auto Offset = [&](const Stmt *S) {
      return Ctx.getSourceManager().getFileOffset(
          Ctx.getSourceManager().getExpansionLoc(S->getBeginLoc()));
    };
    // Every write is a top-level `prot = ...;`: the source, or a step.
    const Stmt *Source = nullptr;
    std::vector<const BinaryOperator *> Steps;
    for (const DeclRefExpr *R : U.Refs) {
      const Stmt *P = parentStmt(R, Ctx, /*SkipParensAndCasts=*/true);
      const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
      if (!BO || strip(BO->getLHS()) != R)
        continue;
      if (BO->getOpcode() != BO_Assign || topLevelStatement(BO) != BO)
        return std::nullopt;
      if (asVmaMember(BO->getRHS(), "vm_page_prot")) {
        if (Source)
          return std::nullopt;
        Source = T.SourceAssignment = BO;
      } else if (refersToVma(BO->getRHS())) {
        return std::nullopt; // it could read the protection through the vma
      } else {
        Steps.push_back(BO);
      }
    }
    if (const Expr *Init = V->getInit()) {
      if (asVmaMember(Init, "vm_page_prot") && !Source)
        Source = T.Decl;
      else if (!Source || Init->HasSideEffects(Ctx))
        return std::nullopt;
    }
    if (!Source || Offset(Source) < Offset(T.Decl))
      return std::nullopt;
    for (const BinaryOperator *Step : Steps)
      if (Offset(Step) < Offset(Source) || Offset(Step) > Offset(CallStmt))
        return std::nullopt;
    // Every read is the call's argument or inside a step.
    auto Within = [&](const Stmt *Inner, const Stmt *Outer) {
      for (const Stmt *S = Inner; S; S = parentStmt(S, Ctx))
        if (S == Outer)
          return true;
      return false;
    };
    for (const DeclRefExpr *R : U.Refs) {
      if (R == Ref)
        continue;
      bool InStep = false;
      for (const BinaryOperator *Step : Steps)
        InStep |= Within(R, Step);
      if (!InStep && !(T.SourceAssignment && Within(R, T.SourceAssignment)))
        return std::nullopt;
      if (InStep)
        T.Rewritten.push_back(R);
    }
    // vm_page_prot is read only by the source.
    for (const MemberExpr *ME : U.Members)
      if (asVmaMember(ME, "vm_page_prot") && !Within(ME, Source))
        return std::nullopt;
    return T;
  }

  /// The legacy call populates page tables with the callback's locks held;
  /// the action runs after the hook has released them (kernel-api.md 6a).
  bool reportedUnderLock(const CallExpr *Call, const std::string &Name) {
    std::vector<HeldLock> Locks = locksReleasedAfter(M.Definition, Call, Ctx);
    if (Locks.empty())
      return false;
    std::string Held = lockNames(Locks);
    std::string Read;
    if (const Expr *Arg =
            argumentFromSharedMemory(Call, 1, M.Definition, M.VmaParm))
      Read = ", and '" +
             spelledText(Arg->getSourceRange(), Ctx).value_or("an argument") +
             "' is read under it";
    M.addReason(ReasonCode::ActionUnderLock,
                Name + "() runs with " + Held + " held" + Read +
                    "; as an mmap action it would run after the hook has "
                    "released the lock, when what the lock protects may be "
                    "gone: keep .mmap, or make what is mapped outlive the lock",
                Call->getBeginLoc());
    return true;
  }

  const Stmt *nextStatement(const Stmt *S) {
    const auto *CS = dyn_cast_or_null<CompoundStmt>(
        parentStmt(S, Ctx, /*SkipParensAndCasts=*/true));
    if (!CS)
      return nullptr;
    for (auto It = CS->body_begin(); It != CS->body_end(); ++It)
      if (*It == S)
        return std::next(It) == CS->body_end() ? nullptr : *std::next(It);
    return nullptr;
  }

  unsigned countRefs(const VarDecl *V) {
    struct Counter : RecursiveASTVisitor<Counter> {
      const VarDecl *V;
      unsigned N = 0;
      bool VisitDeclRefExpr(DeclRefExpr *D) {
        N += D->getDecl() == V;
        return true;
      }
    } C;
    C.V = V;
    C.TraverseStmt(M.Definition->getBody());
    return C.N;
  }

  // References of the result variable the recognised forms account for.
  unsigned expectedRefs(const MapAction &A) {
    unsigned N = isa<DeclStmt>(A.Replaced.front()) ? 0 : 1; // `ret = ...`
    if (A.Replaced.size() < 2)
      return N;
    if (isa<ReturnStmt>(A.Replaced[1]))
      return N + 1;
    // The if's condition, and its return when it returns the variable.
    const auto *If = cast<IfStmt>(A.Replaced[1]);
    const ReturnStmt *Ret = failureReturn(If, A.ResultVar);
    return N + 1 + (Ret && isRef(Ret->getRetValue(), A.ResultVar) ? 1 : 0);
  }

  // After a deferred action only descriptor edits may follow: they took
  // effect before the page tables did in the old code too.
  void checkCodeAfter(const Stmt *Last, const MapAction &A,
                      const std::string &Name) {
    bool After = false;
    for (const Stmt *S : TopLevel->body()) {
      if (S == Last) {
        After = true;
        continue;
      }
      if (!After)
        continue;
      if (const auto *Ret = dyn_cast<ReturnStmt>(S)) {
        Expr::EvalResult R;
        const Expr *V = Ret->getRetValue();
        if (V && V->EvaluateAsInt(R, Ctx) && R.Val.getInt() == 0)
          return;
        if (A.ResultVar && isRef(V, A.ResultVar))
          return;
        break;
      }
      if (isa<NullStmt>(S) || isDescriptorEdit(S))
        continue;
      M.addReason(ReasonCode::CodeAfterRemap,
                  "code runs after " + Name +
                      "(); with mmap_prepare it would run before the pages "
                      "are mapped",
                  S->getBeginLoc());
      return;
    }
    M.addReason(ReasonCode::CodeAfterRemap,
                "the hook does not return 0 right after " + Name + "()",
                A.Call->getBeginLoc());
  }

  bool isDescriptorEdit(const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return false;
    E = strip(E);
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (!BO->isAssignmentOp())
        return false;
      const auto *ME = dyn_cast<MemberExpr>(strip(BO->getLHS()));
      if (!ME)
        return false;
      const auto *Base = dyn_cast<DeclRefExpr>(baseThroughAnonymous(ME));
      StringRef F = ME->getMemberDecl()->getName();
      return Base && Base->getDecl() == M.VmaParm &&
             (F == "vm_ops" || F == "vm_private_data" || F == "vm_flags");
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      std::string Name = spelledCalleeName(Call, Ctx);
      const KernelApiEntry *Api = lookupKernelApi(Name);
      return Api && (Api->Role == ApiRole::FlagHelper ||
                     Api->Role == ApiRole::Harmless);
    }
    return false;
  }

  // Is \p E exactly vm_end - vm_start, directly or through a local that is
  // never written after its initialiser?
  bool isWholeMappingSize(const Expr *E, unsigned Depth = 0) {
    E = strip(E);
    if (Depth > 4)
      return false;
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() == BO_Sub)
        return asVmaMember(BO->getLHS(), "vm_end") &&
               asVmaMember(BO->getRHS(), "vm_start");
      // vma_pages(vma) << PAGE_SHIFT, vma_pages(vma) * PAGE_SIZE
      auto IsPages = [&](const Expr *X) {
        const auto *C = dyn_cast<CallExpr>(strip(X));
        const KernelApiEntry *Api =
            C ? lookupKernelApi(spelledCalleeName(C, Ctx)) : nullptr;
        return Api && Api->Replacement &&
               StringRef(Api->Replacement) == "vma_desc_pages";
      };
      auto MacroIs = [&](const Expr *X, StringRef Name) {
        return macroSpelledAs(X->IgnoreParens()->getSourceRange(), Ctx) == Name;
      };
      if (BO->getOpcode() == BO_Shl)
        return IsPages(BO->getLHS()) && MacroIs(BO->getRHS(), "PAGE_SHIFT");
      if (BO->getOpcode() == BO_Mul)
        return (IsPages(BO->getLHS()) && MacroIs(BO->getRHS(), "PAGE_SIZE")) ||
               (IsPages(BO->getRHS()) && MacroIs(BO->getLHS(), "PAGE_SIZE"));
      return false;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V || !V->isLocalVarDecl())
        return false;
      if (const Expr *Value = valueAt(V, DRE))
        return isWholeMappingSize(Value, Depth + 1);
    }
    return false;
  }

  /// The value local \p V holds at \p Use when one expression gives it on
  /// every path: its initialiser when it is never written, or the single
  /// `V = value;` that is a statement of the body's top level before the
  /// use (`vsize = vma->vm_end - vma->vm_start;`), in a body without goto.
  const Expr *valueAt(const VarDecl *V, const DeclRefExpr *Use) {
    struct Finder : RecursiveASTVisitor<Finder> {
      const VarDecl *V;
      std::vector<const BinaryOperator *> Assignments;
      bool OtherWrites = false, Gotos = false;
      bool refers(const Expr *E) {
        const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
        return D && D->getDecl() == V;
      }
      bool VisitBinaryOperator(BinaryOperator *BO) {
        if (BO->isAssignmentOp() && refers(BO->getLHS())) {
          if (BO->getOpcode() == BO_Assign)
            Assignments.push_back(BO);
          else
            OtherWrites = true;
        }
        return true;
      }
      bool VisitUnaryOperator(UnaryOperator *UO) {
        OtherWrites |=
            (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
            refers(UO->getSubExpr());
        return true;
      }
      bool VisitGotoStmt(GotoStmt *) {
        Gotos = true;
        return true;
      }
      bool VisitIndirectGotoStmt(IndirectGotoStmt *) {
        Gotos = true;
        return true;
      }
    } F;
    F.V = V;
    F.TraverseStmt(M.Definition->getBody());
    if (F.OtherWrites)
      return nullptr;
    if (F.Assignments.empty())
      return V->getInit();
    if (F.Assignments.size() != 1 || F.Gotos)
      return nullptr;
    const BinaryOperator *Only = F.Assignments.front();
    if (parentStmt(Only, Ctx, /*SkipParensAndCasts=*/true) != TopLevel ||
        !SM.isBeforeInTranslationUnit(Only->getEndLoc(), Use->getBeginLoc()))
      return nullptr;
    return Only->getRHS();
  }

  void finish() {
    mergeFlagTests(M.Definition->getBody());
    if (M.Actions.size() > 1) {
      for (const MapAction &A : M.Actions)
        if (A.Use != ResultUse::Returned) {
          M.addReason(ReasonCode::MultipleRemaps,
                      "maps memory more than once on one path; a mapping "
                      "gets a single mmap action",
                      A.Call->getBeginLoc());
          break;
        }
    }
    // An action captures desc->page_prot when it is recorded.
    for (const LeafUse &L : M.Leaves) {
      if (L.K != LeafUse::Field || L.FieldName != VmaField::PageProt)
        continue;
      const Stmt *P = parentStmt(L.E, Ctx, /*SkipParensAndCasts=*/true);
      if (!writesChild(P, L.E, /*AddressOfCounts=*/true))
        continue;
      for (const MapAction &A : M.Actions)
        if (SM.isBeforeInTranslationUnit(A.Call->getBeginLoc(),
                                         L.E->getBeginLoc()))
          M.addReason(ReasonCode::PageProtAfterRemap,
                      "vma->vm_page_prot is changed after " + A.CalleeName +
                          "(); the action would not see it",
                      L.E->getBeginLoc());
    }
  }

  const TranslationUnitFacts &Facts;
  /// Set by helperTwin(): the blocked reason a helper's own body has.
  std::optional<ReasonCode> InnerBlocker;
  /// Helper nesting, and the callback every helper is converted with.
  unsigned Depth;
  const FunctionDecl *Root;
  const CompoundStmt *TopLevel = nullptr;
  unsigned LoopDepth = 0;
  llvm::DenseSet<const MemberExpr *> Consumed;
};

} // namespace

std::vector<const DeclRefExpr *> referencesTo(const FunctionDecl *FD,
                                              ASTContext &Ctx) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const FunctionDecl *Target;
    std::vector<const DeclRefExpr *> Refs;
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl()))
        if (F->getCanonicalDecl() == Target)
          Refs.push_back(DRE);
      return true;
    }
  } F;
  F.Target = FD->getCanonicalDecl();
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(F.Refs);
}

bool declaresName(const FunctionDecl *FD, StringRef Name) {
  struct Finder : RecursiveASTVisitor<Finder> {
    StringRef Name;
    bool Found = false;
    bool VisitNamedDecl(NamedDecl *D) {
      Found |= D->getName() == Name;
      return true;
    }
  } F;
  F.Name = Name;
  F.TraverseDecl(const_cast<FunctionDecl *>(FD));
  return F.Found;
}

std::string wrappingMacro(const CallExpr *Call, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation B = Call->getBeginLoc(), E = Call->getEndLoc();
  if (!B.isMacroID() || SM.isMacroArgExpansion(B))
    return "";
  CharSourceRange RB = SM.getExpansionRange(B), RE = SM.getExpansionRange(E);
  if (RB.getBegin() != RE.getBegin() || RB.getEnd() != RE.getEnd())
    return "";
  SourceLocation NameLoc = RB.getBegin();
  unsigned Len = Lexer::MeasureTokenLength(NameLoc, SM, Ctx.getLangOpts());
  return std::string(SM.getCharacterData(NameLoc), Len);
}

std::string spelledCalleeName(const CallExpr *Call, const ASTContext &Ctx) {
  std::string Wrapper = wrappingMacro(Call, Ctx);
  const FunctionDecl *Direct = Call->getDirectCallee();
  // A macro that names the function it wraps (vma_desc_test_flags() over
  // vma_desc_test_flags_mask(), kmalloc() over kmalloc_noprof()) is what the
  // user wrote; so is any macro the tables know.
  if (!Wrapper.empty() &&
      ((Direct && Direct->getName().starts_with(Wrapper)) ||
       lookupKernelApi(Wrapper) || isStateAcquiringCallee(Wrapper)))
    return Wrapper;
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  std::string Macro = macroSpelledAs(Callee->getSourceRange(), Ctx);
  if (!Macro.empty())
    return Macro;
  if (const FunctionDecl *FD = Call->getDirectCallee())
    return FD->getName().str();
  return "";
}

bool hasLegacyMmapSignature(const FunctionDecl *FD) {
  return FD->getNumParams() == 2 &&
         isPointerToRecord(FD->getParamDecl(0)->getType(), "file") &&
         isPointerToRecord(FD->getParamDecl(1)->getType(), "vm_area_struct");
}

TranslationUnitFacts collectTranslationUnitFacts(ASTContext &Ctx) {
  struct Finder : RecursiveASTVisitor<Finder> {
    TranslationUnitFacts Facts;
    bool VisitDesignatedInitExpr(DesignatedInitExpr *DIE) {
      if (DIE->size() != 1 || !DIE->getDesignator(0)->isFieldDesignator())
        return true;
      const FieldDecl *FD = DIE->getDesignator(0)->getFieldDecl();
      if (!FD || FD->getName() != "open" ||
          FD->getParent()->getName() != "vm_operations_struct")
        return true;
      const Expr *Init = DIE->getInit()->IgnoreParenImpCasts();
      if (const auto *U = dyn_cast<UnaryOperator>(Init))
        Init = U->getSubExpr()->IgnoreParenImpCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Init))
        if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl()))
          Facts.VmOpenHandlers.insert(Fn->getCanonicalDecl());
      return true;
    }
  } F;
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(F.Facts);
}

CallbackModel analyzeCallback(const FunctionDecl *Definition, ASTContext &Ctx,
                              const TranslationUnitFacts &Facts) {
  CallbackModel M;
  M.Definition = Definition;
  M.FileParm = Definition->getParamDecl(0);
  M.VmaParm = Definition->getParamDecl(1);
  if (Definition->getLocation().isMacroID()) {
    M.addReason(
        ReasonCode::MacroSpelled, "the callback is defined by a macro",
        Ctx.getSourceManager().getExpansionLoc(Definition->getLocation()));
    return M;
  }
  BodyScanner(M, Ctx, Facts).run();
  for (Reason &R : findHookState(Definition, Ctx))
    M.addReason(R.Code, R.Severity, R.Message, R.Loc);
  for (Reason &R : findOpaqueCalls(Definition, Ctx))
    M.addReason(R.Code, R.Severity, R.Message, R.Loc);
  return M;
}

} // namespace mpl
