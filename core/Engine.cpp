//===- Engine.cpp - sites -> callback models -> findings and fixes --------===//
#include "core/Engine.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/HookState.h"
#include "matchers/KernelApi.h"
#include "matchers/MmapSites.h"
#include "matchers/PrepareHook.h"
#include "matchers/RemapRange.h"
#include "matchers/SourceText.h"
#include "rewriters/CallbackRewriter.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <tuple>

using namespace clang;

namespace mpl {
namespace {

const char *verdict(Classification C) {
  switch (C) {
  case Classification::Convertible:
    return "can be converted to mmap_prepare automatically";
  case Classification::Manual:
    return "needs manual steps to move to mmap_prepare";
  case Classification::Blocked:
    return "cannot move to mmap_prepare yet";
  }
  return "";
}

/// A framework's mmap installed directly in a driver table
/// (DEFINE_DRM_GEM_FOPS and friends install drm_gem_mmap).
bool isFrameworkMmap(llvm::StringRef Name) {
  const KernelApiEntry *Api = lookupKernelApi(Name);
  return Api && (Api->Role == ApiRole::FrameworkDispatch ||
                 Api->Role == ApiRole::FrameworkHandler);
}

/// A kernel library handler with a descriptor twin, installed directly in
/// a table (`.mmap = generic_file_mmap`).
const KernelApiEntry *libraryHandler(llvm::StringRef Name) {
  const KernelApiEntry *Api = lookupKernelApi(Name);
  return Api && Api->Role == ApiRole::SyncTwin &&
                 Api->argIndex(ArgRole::File) == 0 &&
                 Api->argIndex(ArgRole::Vma) == 1
             ? Api
             : nullptr;
}

class TranslationUnitAnalysis {
public:
  TranslationUnitAnalysis(ASTContext &Ctx, const EngineOptions &Opts)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Opts(Opts), Declared(Ctx) {}

  TranslationUnitResult run() {
    DetectedLevel = Declared.detectLevel();
    Result.Level = Opts.Api.isAuto() ? DetectedLevel : Opts.Api.Version;
    std::vector<MmapSite> Sites = findMmapSites(Ctx, Opts.ExtraSlots);
    if (Sites.empty())
      return std::move(Result);
    Facts = collectTranslationUnitFacts(Ctx);

    llvm::MapVector<const FunctionDecl *, std::vector<const MmapSite *>> ByCallback;
    llvm::MapVector<unsigned, std::vector<const MmapSite *>> MacroSites;
    llvm::SetVector<const FunctionDecl *> PrepareHooks;
    for (const MmapSite &S : Sites) {
      if (S.OpsType == "file_operations" && S.Slot == "mmap_prepare") {
        if (S.Callback)
          PrepareHooks.insert(S.Callback->getCanonicalDecl());
        continue;
      }
      if (S.OpsType == "file_operations" && S.AlsoSetsPrepare)
        reportBothHooks(S);
      if (S.Loc.isMacroID() && !isMacroArgument(S.Loc)) {
        MacroSites[SM.getSpellingLoc(S.Loc).getRawEncoding()].push_back(&S);
        if (S.Callback)
          MacroInstalled.insert(S.Callback->getCanonicalDecl());
        continue;
      }
      ByCallback[S.Callback ? S.Callback->getCanonicalDecl() : nullptr]
          .push_back(&S);
    }
    for (auto &[Callback, CallbackSites] : ByCallback)
      reportCallback(Callback, CallbackSites);
    for (auto &[Key, Group] : MacroSites)
      reportMacroSites(Group);
    for (const FunctionDecl *Hook : PrepareHooks)
      if (const FunctionDecl *Def = Hook->getDefinition())
        reportPrepareHook(Def);
    // Source order, as a compiler reports.
    std::stable_sort(Result.Findings.begin(), Result.Findings.end(),
                     [](const Finding &A, const Finding &B) {
                       return std::tie(A.Where.File, A.Where.Line,
                                       A.Where.Column) <
                              std::tie(B.Where.File, B.Where.Line,
                                       B.Where.Column);
                     });
    return std::move(Result);
  }

private:
  bool isMacroArgument(SourceLocation Loc) {
    return SM.isMacroArgExpansion(Loc);
  }

  Position position(SourceLocation Loc, bool Spelling = false) {
    Position P;
    SourceLocation FileLoc = Spelling ? SM.getSpellingLoc(Loc) : SM.getFileLoc(Loc);
    PresumedLoc PL = SM.getPresumedLoc(FileLoc);
    P.File = filePathOf(FileLoc, SM);
    if (PL.isValid()) {
      P.Line = PL.getLine();
      P.Column = PL.getColumn();
    }
    P.Loc = FileLoc;
    return P;
  }

  void add(Finding F) {
    if (!Opts.Checks.isEnabled(F.Check))
      return;
    if (suppressedByComment(F, SM) ||
        (Opts.Suppressions && Opts.Suppressions->matches(F))) {
      ++Result.Suppressed;
      return;
    }
    Result.Findings.push_back(std::move(F));
  }

  std::string slotName(const MmapSite &S) { return S.OpsType + "." + S.Slot; }

  void reportBothHooks(const MmapSite &S) {
    Finding F;
    F.Check = check::ApiMisuse;
    F.Message = "'file_operations' sets both .mmap and .mmap_prepare; the "
                "hooks are mutually exclusive and the kernel refuses to map "
                "the file";
    F.Where = position(S.Loc);
    add(std::move(F));
  }

  void reportMacroSites(const std::vector<const MmapSite *> &Group) {
    const MmapSite &First = *Group.front();
    std::string Macro = Lexer::getImmediateMacroName(First.Loc, SM,
                                                     Ctx.getLangOpts()).str();
    Finding F;
    F.Check = check::LegacyHook;
    F.Where = position(First.Loc, /*Spelling=*/true);
    F.Expansions = Group.size();
    F.Class = Classification::Blocked;
    F.Reasons = {reasonId(ReasonCode::MacroSpelled)};
    if (First.Callback)
      F.Callback = First.Callback->getNameAsString();
    F.Message = "'" + slotName(First) + "' is set" +
                (F.Callback.empty() ? "" : " to '" + F.Callback + "'") +
                " inside macro '" + Macro + "' (" +
                std::to_string(Group.size()) + " expansion" +
                (Group.size() == 1 ? "" : "s") +
                " here); convert the macro's definition by hand";
    F.Notes.push_back({position(First.Loc, /*Spelling=*/true),
                       "the ops table is built by a macro; the tool does not "
                       "rewrite macro bodies [macro-spelled]"});
    std::vector<Position> Expansions;
    for (const MmapSite *S : Group)
      Expansions.push_back(position(S->Loc));
    std::sort(Expansions.begin(), Expansions.end(),
              [](const Position &A, const Position &B) {
                return std::tie(A.File, A.Line, A.Column) <
                       std::tie(B.File, B.Line, B.Column);
              });
    for (const Position &P : Expansions)
      F.Notes.push_back({P, "expanded here"});
    add(std::move(F));
  }

  void reportCallback(const FunctionDecl *Callback,
                      const std::vector<const MmapSite *> &Sites) {
    CallbackModel Model;
    const KernelApiEntry *Library = nullptr;
    std::vector<Edit> Fix;
    const FunctionDecl *Def = Callback ? Callback->getDefinition() : nullptr;
    std::string Name = Callback ? Callback->getNameAsString() : "";
    SourceLocation ReasonLoc = Sites.front()->Loc;

    const MmapSite &First = *Sites.front();
    if (First.OpsType != "file_operations") {
      // --ops: an inner framework table (fb_ops.fb_mmap, ...) is reported so
      // its owner sees the chain; it cannot move before its framework does.
      Model.addReason(ReasonCode::FrameworkSlot,
                      "'" + slotName(First) +
                          "' is a framework's own mmap hook; it moves when "
                          "the framework offers an mmap_prepare-style hook",
                      ReasonLoc);
    } else if (!Callback) {
      Model.addReason(ReasonCode::IndirectCallback,
                      "the installed value is not a plain function name",
                      ReasonLoc);
    } else if (!hasLegacyMmapSignature(Callback)) {
      Model.addReason(ReasonCode::IndirectCallback,
                      "'" + Name + "' does not have the legacy mmap signature",
                      ReasonLoc);
    } else if (!Def && (Library = libraryHandler(Name))) {
      Model.Explanation.push_back("the table installs the kernel's " + Name +
                                  "(); its twin is " + Library->Replacement +
                                  "()");
    } else if (!Def && isFrameworkMmap(Name)) {
      Model.addReason(ReasonCode::FrameworkDispatch,
                      "'" + Name + "' is a framework's mmap (defined "
                      "elsewhere); the framework must move to mmap_prepare "
                      "first",
                      ReasonLoc);
    } else if (!Def) {
      Model.addReason(ReasonCode::CallbackElsewhere,
                      "'" + Name + "' is defined in another file; convert it "
                      "there and this table with it",
                      ReasonLoc);
    } else {
      Model = analyzeCallback(Def, Ctx, Facts);
      addTranslationUnitReasons(Model, Def, Sites);
    }
    for (const MmapSite *S : Sites)
      if (S->AlsoSetsPrepare)
        Model.addReason(ReasonCode::BothHooks,
                        "the table also sets .mmap_prepare; decide which hook "
                        "stays before converting",
                        S->Loc);
    for (const MmapSite *S : Sites)
      if (S->K == MmapSite::Positional)
        Model.addReason(ReasonCode::PositionalInit,
                        "the ops table is initialised by position; the "
                        "mmap_prepare slot is elsewhere",
                        S->Loc);

    // A site the user silenced keeps its `.mmap = fn`: renaming fn for the
    // other tables would break it, so the callback is left alone.
    bool SiteSilenced = false;
    for (const MmapSite *S : Sites) {
      Finding Probe;
      Probe.Check = check::LegacyHook;
      Probe.Where = position(S->Loc);
      Probe.Callback = Name;
      SiteSilenced |= !Opts.Checks.isEnabled(check::LegacyHook) ||
                      suppressedByComment(Probe, SM) ||
                      (Opts.Suppressions && Opts.Suppressions->matches(Probe));
    }
    bool HeadersTooOld = Result.Level == 0;
    if ((Def || Library) && !SiteSilenced &&
        Model.classification() == Classification::Convertible) {
      RewriteRequest Req;
      Req.Model = &Model;
      Req.LibraryHandler = Library;
      Req.Level = HeadersTooOld ? ApiLevel::Newest : Result.Level;
      Req.MustBeDeclared = Opts.Api.isAuto() && !HeadersTooOld ? &Declared : nullptr;
      Req.NewName = Name + Opts.Suffix;
      for (const MmapSite *S : Sites) {
        Req.SlotFieldTokens.push_back(S->SlotLoc);
        Req.CallbackRefTokens.push_back(S->CallbackRefLoc);
      }
      RewriteResult RR = rewriteCallback(Req, Ctx);
      for (Reason &R : RR.Reasons)
        Model.addReason(R.Code, R.Severity, R.Message, R.Loc);
      if (!HeadersTooOld)
        Fix = std::move(RR.Edits);
      if (Model.classification() == Classification::Convertible)
        Model.Explanation.push_back("emits: " + llvm::join(RR.HelpersUsed, ", "));
    }

    Classification Class = Model.classification();
    bool FixAttached = false;
    for (const MmapSite *S : Sites) {
      Finding F;
      F.Check = check::LegacyHook;
      F.Where = position(S->Loc);
      F.Callback = Name;
      F.Class = Class;
      F.Message = "'" + slotName(*S) +
                  (S->OpsType == "file_operations"
                       ? "' is deprecated; "
                       : "' is an mmap-style hook that takes the vma; ") +
                  (Name.empty() ? std::string("this callback")
                                : "'" + Name + "'") +
                  " " + verdict(Class);
      if (Def)
        F.Notes.push_back({position(Def->getLocation()),
                           "'" + Name + "' is defined here"});
      for (const Reason &R : Model.Reasons) {
        F.Reasons.push_back(reasonId(R.Code));
        F.Notes.push_back({position(R.Loc), R.Message + " [" + reasonId(R.Code) + "]"});
      }
      for (const auto &[Loc, Text] : Model.Notes)
        F.Notes.push_back({position(Loc), Text});
      if (HeadersTooOld)
        F.Notes.push_back(
            {position(S->Loc),
             "this tree's headers predate the mmap_prepare helpers (7.0+); "
             "pass --api=7.x to write the conversion for a newer kernel"});
      F.Fixable = !Fix.empty();
      if (F.Fixable && !FixAttached) {
        F.Fix = Fix;
        FixAttached = true;
      }
      F.Explanation = explanation(Model, Class, Name);
      add(std::move(F));
    }
    reportFlagUses(Model, !Fix.empty());
    if (Model.classification() != Classification::Blocked)
      for (const CallbackModel &Helper : Model.Helpers)
        reportFlagUses(Helper, !Fix.empty(), {}, nullptr, Def);
    reportStatefulCalls(Model);
    if (Def && hasLegacyMmapSignature(Def))
      reportRangeProblems(Def, Def->getParamDecl(1));
  }

  void reportRangeProblems(const FunctionDecl *Hook, const ParmVarDecl *Mapping) {
    for (RangeProblem &P : checkRemapRanges(Hook, Mapping, Ctx)) {
      Finding F;
      F.Check = check::RemapRange;
      F.Where = position(P.Loc);
      F.Callback = Hook->getNameAsString();
      F.Message = P.Message;
      F.Reasons = {reasonId(P.Code)};
      for (auto &[Loc, Text] : P.Notes)
        F.Notes.push_back({position(Loc), Text + " [" + reasonId(P.Code) + "]"});
      add(std::move(F));
    }
  }

  /// Code already on mmap_prepare: API misuse, 6.16-6.19 flag spellings,
  /// state in the hook, remap ranges.
  void reportPrepareHook(const FunctionDecl *Hook) {
    // Names renamed before the target level are outdated; with headers too
    // old to tell, judge against the newest kernel.
    unsigned RenameLevel = Opts.Api.isAuto()
                               ? (DetectedLevel ? DetectedLevel : ApiLevel::Newest)
                               : Opts.Api.Version;
    PrepareHookModel Model = analyzePrepareHook(Hook, Ctx, RenameLevel);
    if (!Model.Desc)
      return;
    std::string Name = Hook->getNameAsString();
    for (const Misuse &M : Model.Misuses) {
      Finding F;
      F.Check = check::ApiMisuse;
      F.Where = position(M.Loc);
      F.Callback = Name;
      F.Message = M.Message;
      F.Reasons = {reasonId(M.Code)};
      if (M.RenameLoc.isValid() && M.RenameLoc.isFileID()) {
        unsigned Len = Lexer::MeasureTokenLength(M.RenameLoc, SM, Ctx.getLangOpts());
        Edit E;
        E.Range = CharSourceRange::getCharRange(M.RenameLoc,
                                                M.RenameLoc.getLocWithOffset(Len));
        E.File = filePathOf(M.RenameLoc, SM);
        E.Offset = SM.getFileOffset(M.RenameLoc);
        E.Length = Len;
        E.Text = M.RenameTo;
        F.Fix = {E};
        F.Fixable = true;
      }
      add(std::move(F));
    }
    // desc->vm_flags (6.16-6.19): each use gets its own fix.
    unsigned Level = Result.Level;
    for (const LeafUse &Leaf : Model.Flags.Leaves) {
      CallbackModel One;
      One.Definition = Hook;
      One.Leaves = {Leaf};
      RewriteRequest Req;
      Req.Model = &One;
      Req.LeavesOnly = true;
      Req.Level = Level ? Level : ApiLevel::Newest;
      Req.MustBeDeclared = Opts.Api.isAuto() ? &Declared : nullptr;
      Req.DescName = Model.Desc->getName().str();
      RewriteResult RR = Level ? rewriteCallback(Req, Ctx) : RewriteResult{};
      One.Reasons = RR.Reasons;
      std::vector<Edit> Edits = RR.Reasons.empty() ? RR.Edits : std::vector<Edit>{};
      bool Fixable = !Edits.empty();
      reportFlagUses(One, Fixable, std::move(Edits), "desc->vm_flags");
    }
    CallbackModel &Problems = Model.Flags;
    Problems.Leaves.clear();
    reportFlagUses(Problems, false);
    CallbackModel State;
    State.Definition = Hook;
    for (Reason &R : findHookState(Hook, Ctx))
      State.Reasons.push_back(R);
    reportStatefulCalls(State);
    reportRangeProblems(Hook, Model.Desc);
  }

  std::vector<std::string> explanation(const CallbackModel &M,
                                       Classification Class,
                                       const std::string &Name) {
    std::vector<std::string> Lines;
    Lines.push_back("callback '" + Name + "': " + classificationName(Class) +
                    " (API level " +
                    (Result.Level ? ApiLevel{Result.Level}.str()
                                  : std::string("none: headers predate 7.0")) +
                    (Opts.Api.isAuto() ? ", detected from the headers" : "") +
                    ")");
    for (const std::string &L : M.Explanation)
      Lines.push_back("  " + L);
    for (const Reason &R : M.Reasons)
      Lines.push_back("  line " +
                      std::to_string(SM.getExpansionLineNumber(R.Loc)) + ": " +
                      classificationName(R.Severity) + " [" + reasonId(R.Code) +
                      "] " +
                      R.Message);
    if (M.Reasons.empty())
      Lines.push_back("  nothing needs the VMA after setup");
    return Lines;
  }

  void addTranslationUnitReasons(CallbackModel &M, const FunctionDecl *Def,
                                 const std::vector<const MmapSite *> &Sites) {
    std::string Name = Def->getNameAsString();
    if (MacroInstalled.count(Def->getCanonicalDecl()))
      M.addReason(ReasonCode::MacroSpelled,
                  "'" + Name + "' is also installed from inside a macro",
                  Def->getLocation());
    // References the sites do not explain: direct calls, EXPORT_SYMBOL, ...
    for (const DeclRefExpr *Ref : referencesTo(Def, Ctx)) {
      bool FromSite = false;
      for (const MmapSite *S : Sites)
        FromSite |= S->CallbackRefLoc == Ref->getLocation();
      if (!FromSite && !MacroInstalled.count(Def->getCanonicalDecl()))
        M.addReason(ReasonCode::OtherCallers,
                    "'" + Name + "' is also referenced here; that use needs "
                    "the legacy signature",
                    SM.getFileLoc(Ref->getLocation()));
    }
    FileID DefFile = SM.getFileID(SM.getFileLoc(Def->getLocation()));
    for (const FunctionDecl *Redecl : Def->redecls())
      if (SM.getFileID(SM.getFileLoc(Redecl->getLocation())) != DefFile) {
        M.addReason(ReasonCode::ExternCallback,
                    "'" + Name + "' is declared in another file; other "
                    "translation units may use it",
                    SM.getFileLoc(Redecl->getLocation()));
        break;
      }
    std::string NewName = Name + Opts.Suffix;
    if (Declared.declares(NewName)) {
      SourceLocation Existing = Def->getLocation();
      IdentifierInfo &II = Ctx.Idents.get(NewName);
      for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&II))
        Existing = D->getLocation();
      M.addReason(ReasonCode::NameClash,
                  "'" + NewName + "' already exists; pick another --suffix "
                  "or rename by hand",
                  Existing);
    }
    if (Declared.declares("desc") || declaresName(Def, "desc"))
      M.addReason(ReasonCode::NameClash,
                  "the name 'desc' is already taken in '" + Name + "'",
                  Def->getLocation());
  }

  /// \p Edits, when given, are the fix of a single flag use (code already
  /// on mmap_prepare); otherwise the fix rides on the callback's finding.
  void reportFlagUses(const CallbackModel &M, bool Fixed,
                      std::vector<Edit> Edits = {},
                      const char *Subject = nullptr,
                      const FunctionDecl *ConvertedWith = nullptr) {
    if (!ConvertedWith)
      ConvertedWith = M.Definition;
    // A blocked callback keeps .mmap and its vma: its flags stay as they are.
    if (!Subject && M.classification() == Classification::Blocked)
      return;
    for (const LeafUse &L : M.Leaves) {
      if (!L.isFlagUse())
        continue;
      Finding F;
      F.Check = check::VmFlags;
      F.Where = position(L.E->IgnoreParens()->getBeginLoc());
      F.Callback = M.Definition->getNameAsString();
      std::string Bits = llvm::join(L.Bits, ", ");
      switch (L.K) {
      case LeafUse::FlagSet:
        F.Message = "VMA flags are set on the descriptor by bit number: "
                    "vma_desc_set_flags(desc, " + Bits + ")";
        break;
      case LeafUse::FlagClear:
        F.Message = "VMA flags are cleared on the descriptor by bit number: "
                    "vma_desc_clear_flags(desc, " + Bits + ")";
        break;
      case LeafUse::FlagMod:
        F.Message = "vm_flags_mod() becomes vma_desc_set_flags(desc, " + Bits +
                    ") and vma_desc_clear_flags(desc, " +
                    llvm::join(L.ClearBits, ", ") + ")";
        break;
      case LeafUse::FlagReset:
        F.Message = "resetting the VMA flags becomes an assignment to "
                    "desc->vma_flags";
        break;
      case LeafUse::FlagTestAll:
        F.Message = "flag tests on the descriptor take bit numbers: " +
                    std::string(L.Negated ? "!" : "") +
                    flagTestHelper(Result.Level, true, L.Bits.size()) +
                    "(desc, " + Bits + ")";
        break;
      case LeafUse::FlagCompare: {
        auto Test = [&](bool All, const std::vector<std::string> &Set) {
          return std::string(flagTestHelper(Result.Level, All, Set.size())) +
                 "(desc, " + llvm::join(Set, ", ") + ")";
        };
        std::vector<std::string> Parts;
        if (!L.Bits.empty())
          Parts.push_back((L.Negated ? "!" : "") + Test(true, L.Bits));
        if (!L.ClearBits.empty())
          Parts.push_back((L.Negated ? "" : "!") + Test(false, L.ClearBits));
        F.Message = "flag tests on the descriptor take bit numbers: " +
                    llvm::join(Parts, L.Negated ? " || " : " && ");
        break;
      }
      case LeafUse::FlagWord:
        F.Message = "vm_flags is read as a value; on the descriptor it is "
                    "vma_flags_to_legacy(desc->vma_flags)";
        break;
      default:
        F.Message = "flag tests on the descriptor take bit numbers: " +
                    std::string(L.Negated ? "!" : "") +
                    flagTestHelper(Result.Level, false, L.Bits.size()) +
                    "(desc, " + Bits + ")";
        break;
      }
      F.Fixable = Fixed;
      if (Subject)
        F.Message = std::string(Subject) + " is gone since 7.0; " + F.Message;
      if (Fixed && Edits.empty())
        F.Notes.push_back({position(ConvertedWith->getLocation()),
                           "converted together with '" +
                               ConvertedWith->getNameAsString() + "'"});
      F.Fix = Edits;
      add(std::move(F));
    }
    for (const Reason &R : M.Reasons) {
      if (R.Code != ReasonCode::FlagsUnknownMask &&
          R.Code != ReasonCode::FlagsExpression)
        continue;
      Finding F;
      F.Check = check::VmFlags;
      F.Where = position(R.Loc);
      F.Callback = M.Definition ? M.Definition->getNameAsString() : "";
      F.Message = "VMA flag use cannot be converted: " + R.Message;
      F.Reasons = {reasonId(R.Code)};
      add(std::move(F));
    }
  }

  void reportStatefulCalls(const CallbackModel &M) {
    for (const Reason &R : M.Reasons) {
      if (R.Code != ReasonCode::StateInHook)
        continue;
      Finding F;
      F.Check = check::StatefulHook;
      F.Where = position(R.Loc);
      F.Callback = M.Definition ? M.Definition->getNameAsString() : "";
      F.Message = "the mmap hook " + R.Message;
      F.Reasons = {reasonId(R.Code)};
      add(std::move(F));
    }
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const EngineOptions &Opts;
  DeclaredApi Declared;
  unsigned DetectedLevel = 0;
  TranslationUnitFacts Facts;
  llvm::DenseSet<const FunctionDecl *> MacroInstalled;
  TranslationUnitResult Result;
};

} // namespace

TranslationUnitResult analyzeTranslationUnit(ASTContext &Ctx,
                                             const EngineOptions &Options) {
  return TranslationUnitAnalysis(Ctx, Options).run();
}

} // namespace mpl
