//===- Engine.cpp - sites -> callback models -> findings and fixes --------===//
#include "core/Engine.h"
#include "core/reporters/Reporters.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/HookState.h"
#include "matchers/KernelApi.h"
#include "matchers/MmapSites.h"
#include "matchers/PrepareHook.h"
#include "matchers/SourceText.h"
#include "matchers/UnitReasons.h"
#include "rewriters/CallbackRewriter.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <tuple>

using namespace clang;

namespace mpl {
namespace {

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
    // A unit can reach file_operations.mmap_prepare without including the
    // headers that declare the helpers (sound/core/init.c): its tree does
    // not predate them. Spell for the newest level and check each helper
    // the rewrite needs against what this unit declares.
    if (Opts.Api.isAuto() && !DetectedLevel &&
        Declared.recordHasField("file_operations", PrepareSlot)) {
      Result.Level = ApiLevel::Newest;
      LevelFromSlot = true;
    }
    std::vector<MmapSite> Sites = findMmapSites(Ctx, Opts.ExtraSlots);
    if (Sites.empty() && Opts.DefinedHere.empty())
      return std::move(Result);
    Facts = collectTranslationUnitFacts(Ctx);
    Reasons.emplace(
        Ctx, [this](llvm::StringRef Name) { return Declared.declares(Name); });

    llvm::MapVector<const FunctionDecl *, std::vector<const MmapSite *>>
        ByCallback;
    llvm::MapVector<unsigned, std::vector<const MmapSite *>> MacroSites;
    llvm::SetVector<const FunctionDecl *> PrepareHooks;
    for (const MmapSite &S : Sites) {
      if (S.OpsType == "file_operations" && S.Slot == "mmap_prepare") {
        if (S.Callback)
          PrepareHooks.insert(S.Callback->getCanonicalDecl());
        continue;
      }
      if (S.OpsType == "file_operations" && S.AlsoSetsPrepare)
        reportBothHooks(Sink, S);
      if (S.Loc.isMacroID() && !isMacroArgument(S.Loc)) {
        MacroSites[SM.getSpellingLoc(S.Loc).getRawEncoding()].push_back(&S);
        if (S.Callback)
          Reasons->noteMacroInstalled(S.Callback);
        continue;
      }
      ByCallback[S.Callback ? S.Callback->getCanonicalDecl() : nullptr]
          .push_back(&S);
    }
    addCallbacksInstalledElsewhere(ByCallback);
    for (auto &[Callback, CallbackSites] : ByCallback)
      reportCallback(Callback, CallbackSites);
    for (auto &[Key, Group] : MacroSites)
      reportMacroSites(Sink, Group, Ctx);
    for (const FunctionDecl *Hook : PrepareHooks)
      if (const FunctionDecl *Def = Hook->getDefinition())
        reportPrepareHook(Def);
    if (UnitHasErrors)
      dropFixes();
    sortFindings();
    return std::move(Result);
  }

private:
  /// Nothing is converted from a unit that does not compile: the rewrite
  /// could not be checked by re-parsing it.
  void dropFixes() {
    for (Finding &F : Result.Findings) {
      F.Fixable = false;
      F.Fix.clear();
      F.Changes.clear();
    }
    for (CrossUnitCallback &C : Result.CrossUnit) {
      C.Edits.clear();
      C.Verdict.Edits.clear();
    }
  }

  /// Source order, as a compiler reports; the cross-unit records follow
  /// their findings.
  void sortFindings() {
    std::vector<unsigned> Order(Result.Findings.size());
    for (unsigned I = 0; I < Order.size(); ++I)
      Order[I] = I;
    // The index breaks ties: findings at one position keep their order.
    auto Key = [&](unsigned I) {
      const Position &P = Result.Findings[I].Where;
      return std::tuple<const std::string &, unsigned, unsigned, unsigned>(
          P.File, P.Line, P.Column, I);
    };
    std::sort(Order.begin(), Order.end(),
              [&](unsigned A, unsigned B) { return Key(A) < Key(B); });
    std::vector<unsigned> NewIndex(Order.size());
    std::vector<Finding> Sorted;
    Sorted.reserve(Order.size());
    for (unsigned I = 0; I < Order.size(); ++I) {
      NewIndex[Order[I]] = I;
      Sorted.push_back(std::move(Result.Findings[Order[I]]));
    }
    Result.Findings = std::move(Sorted);
    for (CrossUnitCallback &C : Result.CrossUnit)
      for (unsigned &I : C.SiteFindings)
        if (I != CrossUnitCallback::NoFinding)
          I = NewIndex[I];
  }

  /// The runner's second pass over a defining unit: callbacks installed
  /// only by other units are analysed too. One that is not defined here
  /// gets a record without a definition.
  void addCallbacksInstalledElsewhere(
      llvm::MapVector<const FunctionDecl *, std::vector<const MmapSite *>>
          &ByCallback) {
    for (const auto &[Name, Uses] : Opts.DefinedHere) {
      const FunctionDecl *Def = nullptr;
      for (const NamedDecl *D :
           Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
        if (const auto *FD = dyn_cast<FunctionDecl>(D))
          if (const FunctionDecl *Body = FD->getDefinition())
            if (SM.isWrittenInMainFile(SM.getFileLoc(Body->getLocation())))
              Def = Body;
      if (Def && hasLegacyMmapSignature(Def)) {
        ByCallback.insert({Def->getCanonicalDecl(), {}});
        continue;
      }
      CrossUnitCallback Missing;
      Missing.Role = CrossUnitCallback::Defines;
      Missing.Name = Name;
      Result.CrossUnit.push_back(std::move(Missing));
    }
  }

  bool isMacroArgument(SourceLocation Loc) {
    return SM.isMacroArgExpansion(Loc);
  }

  /// A legacy callback installed by this unit's tables at \p Sites (none:
  /// only other units install it), as the engine sees it.
  struct InstalledCallback {
    const FunctionDecl *Callback = nullptr;
    const FunctionDecl *Def = nullptr;
    std::string Name;
    /// Where reasons about the installation point.
    SourceLocation ReasonLoc;
    /// What the runner learnt in other units (its second pass).
    const UsedElsewhere *Elsewhere = nullptr;
    /// A kernel library handler installed directly.
    const KernelApiEntry *Library = nullptr;
  };

  void reportCallback(const FunctionDecl *Callback,
                      const std::vector<const MmapSite *> &Sites) {
    InstalledCallback C;
    C.Callback = Callback;
    C.Def = Callback ? Callback->getDefinition() : nullptr;
    C.Name = Callback ? Callback->getNameAsString() : "";
    C.ReasonLoc = Sites.empty() ? C.Def->getLocation() : Sites.front()->Loc;
    if (C.Def)
      if (auto It = Opts.DefinedHere.find(C.Name); It != Opts.DefinedHere.end())
        C.Elsewhere = &It->second;

    CallbackModel Model;
    if (!modelCallback(C, Sites, Model))
      return reportForeignCallback(Callback, Sites);
    Reasons->addSiteReasons(Model, Sites);
    if (UnitHasErrors)
      Model.addReason(ReasonCode::DoesNotCompile,
                      "this translation unit has compiler errors; nothing in "
                      "it is converted",
                      C.ReasonLoc);
    std::vector<Edit> Fix = convertCallback(C, Sites, Model);
    reportModelledCallback(C, Sites, Model, std::move(Fix));
  }

  /// The model of what is installed, by its kind: an inner framework slot,
  /// something that is not a callback, a kernel handler, a framework's
  /// mmap, or a callback defined here (analysed). False for a callback
  /// defined in another unit.
  bool modelCallback(InstalledCallback &C,
                     const std::vector<const MmapSite *> &Sites,
                     CallbackModel &Model) {
    if (!Sites.empty() && Sites.front()->OpsType != "file_operations") {
      // --ops: an inner framework table (fb_ops.fb_mmap, ...) is reported so
      // its owner sees the chain; it cannot move before its framework does.
      Model.addReason(ReasonCode::FrameworkSlot,
                      "'" + slotName(*Sites.front()) +
                          "' is a framework's own mmap hook; it moves when "
                          "the framework offers an mmap_prepare-style hook",
                      C.ReasonLoc);
    } else if (!C.Callback) {
      Model.addReason(ReasonCode::IndirectCallback,
                      "the installed value is not a plain function name",
                      C.ReasonLoc);
    } else if (!hasLegacyMmapSignature(C.Callback)) {
      Model.addReason(ReasonCode::IndirectCallback,
                      "'" + C.Name +
                          "' does not have the legacy mmap signature",
                      C.ReasonLoc);
    } else if (!C.Def && (C.Library = libraryHandler(C.Name))) {
      Model.Explanation.push_back("the table installs the kernel's " + C.Name +
                                  "(); its twin is " + C.Library->Replacement +
                                  "()");
    } else if (!C.Def && isFrameworkMmap(C.Name)) {
      Model.addReason(ReasonCode::FrameworkDispatch,
                      "'" + C.Name +
                          "' is a framework's mmap (defined "
                          "elsewhere); the framework must move to mmap_prepare "
                          "first",
                      C.ReasonLoc);
    } else if (!C.Def) {
      return false;
    } else {
      Model = analyzeCallback(C.Def, Ctx, Facts);
      bool OtherUnitsKnown = C.Elsewhere != nullptr;
      Reasons->addReferenceReasons(Model, C.Def, Sites, OtherUnitsKnown,
                                   C.Name + Opts.Suffix);
      Reasons->addDefinitionReasons(Model, C.Def, OtherUnitsKnown);
    }
    return true;
  }

  /// The conversion of a convertible callback (its rewrite's own reasons
  /// join the model); empty when there is none to write.
  std::vector<Edit> convertCallback(const InstalledCallback &C,
                                    const std::vector<const MmapSite *> &Sites,
                                    CallbackModel &Model) {
    bool BlockedElsewhere = C.Elsewhere && C.Elsewhere->SiteSilenced;
    if (C.Elsewhere)
      for (const VerdictReason &R : C.Elsewhere->Blockers)
        BlockedElsewhere |= R.Severity != Classification::Convertible;
    if (!(C.Def || C.Library) || sitesSilenced(Sites, C.Name) ||
        BlockedElsewhere ||
        Model.classification() != Classification::Convertible)
      return {};
    bool HeadersTooOld = Result.Level == 0;
    RewriteRequest Req;
    Req.Model = &Model;
    Req.LibraryHandler = C.Library;
    Req.Level = HeadersTooOld ? ApiLevel::Newest : Result.Level;
    Req.MustBeDeclared =
        Opts.Api.isAuto() && !HeadersTooOld ? &Declared : nullptr;
    Req.NewName = C.Name + Opts.Suffix;
    addSiteTokens(Req, Sites);
    if (C.Elsewhere)
      for (SourceLocation Loc : exportedNameTokens(C.Def, Ctx))
        Req.CallbackRefTokens.push_back(Loc);
    RewriteResult RR = rewriteCallback(Req, Ctx);
    for (Reason &R : RR.Reasons)
      Model.addReason(R.Code, R.Severity, R.Message, R.Loc);
    if (Model.classification() == Classification::Convertible)
      Model.Explanation.push_back("emits: " +
                                  (RR.HelpersUsed.empty()
                                       ? std::string("no helper")
                                       : llvm::join(RR.HelpersUsed, ", ")));
    // Headers that predate the helpers get the verdict, not the edits.
    return HeadersTooOld ? std::vector<Edit>() : std::move(RR.Edits);
  }

  /// The legacy-hook findings of the sites, the record other units need,
  /// and the other checks' findings in the callback.
  void reportModelledCallback(const InstalledCallback &C,
                              const std::vector<const MmapSite *> &Sites,
                              const CallbackModel &Model,
                              std::vector<Edit> Fix) {
    const FunctionDecl *Def = C.Def;
    CallbackVerdict Verdict = verdictOf(Model, C.Name, Def);
    if (C.Elsewhere) {
      for (const Position &P : C.Elsewhere->Installs)
        Verdict.Notes.push_back(
            {P, "also installed here; renamed with the definition"});
      for (const VerdictReason &R : C.Elsewhere->Blockers)
        Verdict.Reasons.push_back(R);
      Verdict.reclassify();
    }
    Verdict.Edits = Fix;
    CrossUnitCallback Record;
    Record.Role = CrossUnitCallback::Defines;
    Record.Name = C.Name;
    reportSites(Sites, Verdict, Record);
    if (Def && (C.Elsewhere || isVisibleToOtherUnits(Def, Ctx))) {
      Record.Verdict = std::move(Verdict);
      Record.DeclFiles = declarationFiles(Def, SM);
      Result.CrossUnit.push_back(std::move(Record));
    }
    bool Fixed = !Fix.empty();
    reportFlagUses(Sink, Model, Result.Level, Fixed);
    if (Model.classification() != Classification::Blocked)
      for (const CallbackModel &Helper : Model.Helpers)
        reportFlagUses(Sink, Helper, Result.Level, Fixed, {}, nullptr, Def);
    reportStatefulCalls(Sink, Model);
    if (Def && hasLegacyMmapSignature(Def))
      reportRangeProblems(Sink, Def, Def->getParamDecl(1), Ctx);
  }

  /// A callback this unit's tables install and another unit defines: its
  /// class is the defining unit's (the tree runner joins the two); here
  /// only what stops the sites, and their renames.
  void reportForeignCallback(const FunctionDecl *Callback,
                             const std::vector<const MmapSite *> &Sites) {
    std::string Name = Callback->getNameAsString();
    CallbackModel AtSites;
    AtSites.Definition = Callback;
    Reasons->addReferenceReasons(AtSites, Callback, Sites, false,
                                 Name + Opts.Suffix);
    Reasons->addSiteReasons(AtSites, Sites);
    CrossUnitCallback Record;
    Record.Role = CrossUnitCallback::Installs;
    Record.Name = Name;
    Record.SiteSilenced = sitesSilenced(Sites, Name);
    Record.DeclFiles = declarationFiles(Callback, SM);
    if (!Record.SiteSilenced &&
        AtSites.classification() == Classification::Convertible) {
      RewriteRequest Req;
      Req.Model = &AtSites;
      Req.SitesOnly = true;
      Req.NewName = Name + Opts.Suffix;
      addSiteTokens(Req, Sites);
      RewriteResult RR = rewriteCallback(Req, Ctx);
      for (Reason &R : RR.Reasons)
        AtSites.addReason(R.Code, R.Severity, R.Message, R.Loc);
      if (Result.Level != 0)
        Record.Edits = std::move(RR.Edits);
    }
    CallbackVerdict Verdict = verdictOf(AtSites, Name, nullptr);
    Record.SiteReasons = Verdict.Reasons;
    Verdict.Class.reset();
    Verdict.Reasons.insert(Verdict.Reasons.begin(),
                           {ReasonCode::CallbackElsewhere,
                            Classification::Manual,
                            {Sink.position(Sites.front()->Loc),
                             "'" + Name +
                                 "' is defined in another file, which was not "
                                 "analysed with this one"}});
    reportSites(Sites, Verdict, Record);
    Result.CrossUnit.push_back(std::move(Record));
  }

  void reportSites(const std::vector<const MmapSite *> &Sites,
                   const CallbackVerdict &Verdict, CrossUnitCallback &Record) {
    bool FixAttached = false;
    for (const MmapSite *S : Sites) {
      HookSite Site;
      Site.Where = Sink.position(S->Loc);
      Site.Slot = slotName(*S);
      Site.FileOperations = S->OpsType == "file_operations";
      Site.HeadersTooOld = Result.Level == 0;
      Finding F = legacyHookFinding(Site, Verdict);
      if (F.Fixable && !FixAttached) {
        F.Fix = Verdict.Edits;
        FixAttached = true;
      }
      Record.Sites.push_back(Site);
      Record.SiteFindings.push_back(
          Sink.add(std::move(F)).value_or(CrossUnitCallback::NoFinding));
    }
  }

  CallbackVerdict verdictOf(const CallbackModel &M, const std::string &Name,
                            const FunctionDecl *Def) {
    CallbackVerdict V;
    V.Name = Name;
    V.Class = M.classification();
    if (Def)
      V.Definition = Sink.position(Def->getLocation());
    for (const Reason &R : M.Reasons)
      V.addReason(R.Code, R.Severity, Sink.position(R.Loc), R.Message);
    for (const auto &[Loc, Text] : M.Notes) {
      V.Notes.push_back({Sink.position(Loc), Text});
      V.Changes.push_back(Text);
    }
    V.Explanation = M.Explanation;
    V.Level = Result.Level;
    V.LevelDetected = Opts.Api.isAuto() && !LevelFromSlot;
    return V;
  }

  void addSiteTokens(RewriteRequest &Req,
                     const std::vector<const MmapSite *> &Sites) {
    for (const MmapSite *S : Sites) {
      Req.SlotFieldTokens.push_back(S->SlotLoc);
      Req.CallbackRefTokens.push_back(S->CallbackRefLoc);
    }
  }

  /// A site the user silenced keeps its `.mmap = fn`: renaming fn for the
  /// other tables would break it, so the callback is left alone.
  bool sitesSilenced(const std::vector<const MmapSite *> &Sites,
                     const std::string &Name) {
    bool Silenced = false;
    for (const MmapSite *S : Sites) {
      Finding Probe;
      Probe.Check = check::LegacyHook;
      Probe.Where = Sink.position(S->Loc);
      Probe.Callback = Name;
      Silenced |= Sink.silenced(Probe);
    }
    return Silenced;
  }

  /// Code already on mmap_prepare: API misuse, 6.16-6.19 flag spellings,
  /// state in the hook, remap ranges.
  void reportPrepareHook(const FunctionDecl *Hook) {
    // Names renamed before the target level are outdated; with headers too
    // old to tell, judge against the newest kernel.
    unsigned RenameLevel =
        Opts.Api.isAuto() ? (DetectedLevel ? DetectedLevel : ApiLevel::Newest)
                          : Opts.Api.Version;
    PrepareHookModel Model = analyzePrepareHook(Hook, Ctx, RenameLevel);
    if (!Model.Desc)
      return;
    std::string Name = Hook->getNameAsString();
    reportMisuses(Sink, Model, Ctx);
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
      std::vector<Edit> Edits =
          RR.Reasons.empty() ? RR.Edits : std::vector<Edit>{};
      bool Fixable = !Edits.empty();
      reportFlagUses(Sink, One, Result.Level, Fixable, std::move(Edits),
                     "desc->vm_flags");
    }
    CallbackModel &Problems = Model.Flags;
    Problems.Leaves.clear();
    reportFlagUses(Sink, Problems, Result.Level, false);
    CallbackModel State;
    State.Definition = Hook;
    for (Reason &R : findHookState(Hook, Ctx))
      State.Reasons.push_back(R);
    reportStatefulCalls(Sink, State);
    reportUnbalancedMapped(Sink, Hook, Ctx);
    reportRangeProblems(Sink, Hook, Model.Desc, Ctx);
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const EngineOptions &Opts;
  /// Seen by both front ends alike: the parse is over when the engine runs.
  const bool UnitHasErrors = Ctx.getDiagnostics().hasErrorOccurred();
  DeclaredApi Declared;
  unsigned DetectedLevel = 0;
  /// The level was not detected from helpers, only from the hook's slot.
  bool LevelFromSlot = false;
  TranslationUnitFacts Facts;
  std::optional<UnitReasons> Reasons;
  TranslationUnitResult Result;
  FindingSink Sink{SM, Opts, Result};
};

} // namespace

TranslationUnitResult analyzeTranslationUnit(ASTContext &Ctx,
                                             const EngineOptions &Options) {
  return TranslationUnitAnalysis(Ctx, Options).run();
}

} // namespace mpl
