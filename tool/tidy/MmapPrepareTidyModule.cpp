//===- MmapPrepareTidyModule.cpp - the checks inside clang-tidy -----------===//
//
// A thin adapter: clang-tidy parses the translation unit, the shared engine
// (mpl::analyzeTranslationUnit, the same call the CLI makes) analyses it, and
// this file only turns mpl::Findings into clang-tidy diagnostics. There is no
// analysis or rewrite logic here; a difference between the CLI and the plugin
// is a bug to fix in the engine or in the CLI, never here.
//
//   clang-tidy-19 -load=build/lib/MmapPrepareTidy.so
//   -checks='-*,mmap-prepare-*'
//
// Options (CheckOptions, per check or global): those of
// core/EngineOptionSpec.cpp, the command line's --api, --suffix, --ops and
// --suppressions as Api, Suffix, Ops and Suppressions.
//
//===----------------------------------------------------------------------===//
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "core/Checks.h"
#include "core/Engine.h"
#include "core/EngineOptionSpec.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/StringRef.h"
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

using namespace clang;
using namespace clang::ast_matchers;

namespace mpl {
namespace tidy {
namespace {

/// One engine run per translation unit, shared by every check instance.
///
/// Why a shared cache and not one engine run per check (EngineOptions.Checks
/// set to the instance's own id): the engine computes every check in one
/// pass (sites -> callback models -> rewrites) and only filters by check id
/// when it records a finding, so the five instances would redo the same
/// analysis five times for identical results. Running it once and handing
/// each instance the findings of its own id gives exactly the CLI's findings
/// (the CLI also runs the engine once per TU with all checks) at a fifth of
/// the cost.
///
/// The key is the ASTContext plus the options that change the engine's
/// output, so two checks configured differently (e.g. a per-check `Api`) each
/// get a run with their own options instead of silently sharing the wrong
/// one. Entries hold SourceLocations, so they live only while their TU does:
/// every instance drops its TU's entries in onEndOfTranslationUnit(), which
/// MatchFinder calls after all check() calls of that TU (and before the
/// ASTContext can be freed and its address reused by the next TU).
class SharedResults {
public:
  using Key = std::tuple<const ASTContext *, std::string>;

  std::shared_ptr<const TranslationUnitResult>
  get(ASTContext &Ctx, const EngineOptions &Opts, const std::string &OptsKey) {
    std::lock_guard<std::mutex> Lock(M);
    auto &Slot = Results[Key(&Ctx, OptsKey)];
    if (!Slot)
      Slot = std::make_shared<const TranslationUnitResult>(
          analyzeTranslationUnit(Ctx, Opts));
    return Slot;
  }

  void forget(const ASTContext *Ctx) {
    std::lock_guard<std::mutex> Lock(M);
    for (auto It = Results.begin(); It != Results.end();)
      It = std::get<0>(It->first) == Ctx ? Results.erase(It) : std::next(It);
  }

private:
  std::mutex M;
  std::map<Key, std::shared_ptr<const TranslationUnitResult>> Results;
};

/// The same class serves every check id of mpl::allChecks(); an instance
/// reports only the findings whose Check equals its own name.
class MmapPrepareCheck : public clang::tidy::ClangTidyCheck {
public:
  MmapPrepareCheck(StringRef Name, clang::tidy::ClangTidyContext *Context,
                   std::shared_ptr<SharedResults> Shared)
      : ClangTidyCheck(Name, Context), Shared(std::move(Shared)) {
    // The options and their parsing are the engine's (EngineOptionSpec.h),
    // the same the command line uses; only the diagnostic is ours.
    for (const EngineOptionSpec &Spec : engineOptionSpecs()) {
      std::string Value =
          Options.getLocalOrGlobal(Spec.TidyKey, Spec.Default).str();
      for (const std::string &Invalid : Spec.Apply(Value, Engine))
        configurationDiag("invalid value for option '%0' of check '%1': %2; "
                          "%3")
            << Spec.TidyKey << Name << Invalid << Spec.IfInvalid;
      Values.push_back(std::move(Value));
    }
    // The shared run computes every check; each instance keeps its own.
    Engine.Checks = CheckFilter("*");
    OptionsKey = engineOptionsKey(Engine);
  }

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override {
    for (size_t I = 0; I < Values.size(); ++I)
      Options.store(Opts, engineOptionSpecs()[I].TidyKey, Values[I]);
  }

  void registerMatchers(MatchFinder *Finder) override {
    // One match per translation unit: the engine walks the AST itself.
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
  }

  void check(const MatchFinder::MatchResult &Result) override {
    ASTContext &Ctx = *Result.Context;
    Current = &Ctx;
    std::shared_ptr<const TranslationUnitResult> Unit =
        Shared->get(Ctx, Engine, OptionsKey);
    for (const Finding &F : Unit->Findings)
      if (F.Check == getID())
        report(F);
  }

  void onEndOfTranslationUnit() override {
    if (Current)
      Shared->forget(Current);
    Current = nullptr;
  }

private:
  void report(const Finding &F) {
    if (F.Where.Loc.isInvalid())
      return;
    // Messages quote source text, which may contain '%': pass them as an
    // argument, never as the format string.
    {
      DiagnosticBuilder Warning =
          diag(F.Where.Loc, "%0",
               F.Level == Severity::Error ? DiagnosticIDs::Error
                                          : DiagnosticIDs::Warning)
          << F.Message;
      for (const Edit &E : F.Fix)
        Warning << FixItHint::CreateReplacement(E.Range, E.Text);
    } // the warning is emitted here, before its notes
    for (const FindingNote &N : F.Notes)
      diag(N.Where.Loc, "%0", DiagnosticIDs::Note) << N.Message;
  }

  std::shared_ptr<SharedResults> Shared;
  /// The option values as given, in engineOptionSpecs() order.
  std::vector<std::string> Values;
  EngineOptions Engine;
  std::string OptionsKey;
  const ASTContext *Current = nullptr;
};

class MmapPrepareModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    // One cache for all check instances this clang-tidy run creates.
    auto Shared = std::make_shared<SharedResults>();
    for (const CheckInfo &C : allChecks())
      Factories.registerCheckFactory(
          C.Id, [Shared](StringRef Name, clang::tidy::ClangTidyContext *Ctx) {
            return std::make_unique<MmapPrepareCheck>(Name, Ctx, Shared);
          });
  }
};

} // namespace
} // namespace tidy
} // namespace mpl

// Runs at dlopen(): adds the module to clang-tidy's registry.
static clang::tidy::ClangTidyModuleRegistry::Add<mpl::tidy::MmapPrepareModule>
    X("mmap-prepare-module",
      "file_operations.mmap -> mmap_prepare migration checks");
