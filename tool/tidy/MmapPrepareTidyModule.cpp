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
// Options (CheckOptions, per check or global):
//   Api     auto | 7.0 | 7.1 | 7.2 | 7.3   (--api)     default auto
//   Suffix  suffix for converted names     (--suffix)  default _prepare
//   Ops     struct.field,...               (--ops)     default empty
//
//===----------------------------------------------------------------------===//
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "core/Checks.h"
#include "core/Engine.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/SmallVector.h"
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
      : ClangTidyCheck(Name, Context), Shared(std::move(Shared)),
        ApiText(Options.getLocalOrGlobal("Api", "auto").str()),
        Suffix(Options.getLocalOrGlobal("Suffix", "_prepare").str()),
        OpsText(Options.getLocalOrGlobal("Ops", "").str()) {
    // Option parsing only; what the values mean is the engine's business.
    if (auto Level = ApiLevel::parse(ApiText)) {
      Engine.Api = *Level;
    } else {
      configurationDiag("invalid value '%0' for option 'Api' of check '%1' "
                        "(expected auto, 7.0, 7.1, 7.2 or 7.3); using 'auto'")
          << ApiText << Name;
    }
    Engine.Suffix = Suffix;
    // The shared run computes every check; each instance keeps its own.
    Engine.Checks = CheckFilter("*");
    llvm::SmallVector<StringRef, 4> Slots;
    StringRef(OpsText).split(Slots, ',', -1, /*KeepEmpty=*/false);
    for (StringRef Slot : Slots) {
      auto [Struct, Field] = Slot.trim().split('.');
      if (Struct.empty() || Field.empty()) {
        configurationDiag("invalid entry '%0' in option 'Ops' of check '%1' "
                          "(expected struct.field); ignored")
            << Slot.trim() << Name;
        continue;
      }
      Engine.ExtraSlots.push_back({Struct.str(), Field.str()});
    }
    OptionsKey = Engine.Api.str() + '\n' + Engine.Suffix;
    for (const auto &[Struct, Field] : Engine.ExtraSlots)
      OptionsKey += '\n' + Struct + '.' + Field;
  }

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override {
    Options.store(Opts, "Api", ApiText);
    Options.store(Opts, "Suffix", Suffix);
    Options.store(Opts, "Ops", OpsText);
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
  std::string ApiText, Suffix, OpsText;
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
