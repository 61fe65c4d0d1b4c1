//===- Runner.cpp - LibTooling driver for the CLI -------------------------===//
#include "tool/cli/Runner.h"
#include "core/EditApplier.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace clang;
using namespace clang::tooling;

namespace mpl {
namespace {

/// Counts errors and keeps the first one; warnings are not our business.
class ErrorCollector : public DiagnosticConsumer {
public:
  unsigned Errors = 0;
  std::string First;
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    if (Errors++ == 0) {
      SmallString<128> Msg;
      Info.FormatDiagnostic(Msg);
      if (Info.hasSourceManager() && Info.getLocation().isValid()) {
        PresumedLoc PL =
            Info.getSourceManager().getPresumedLoc(Info.getLocation());
        if (PL.isValid())
          First = std::string(PL.getFilename()) + ":" +
                  std::to_string(PL.getLine()) + ": ";
      }
      First += Msg.str().str();
    }
  }
};

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const EngineOptions &Opts, TranslationUnitResult &Out)
      : Opts(Opts), Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Out = analyzeTranslationUnit(Ctx, Opts);
  }

private:
  const EngineOptions &Opts;
  TranslationUnitResult &Out;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const EngineOptions &Opts, TranslationUnitResult &Out)
      : Opts(Opts), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<AnalysisConsumer>(Opts, Out);
  }

private:
  const EngineOptions &Opts;
  TranslationUnitResult &Out;
};

template <typename MakeAction>
class Factory : public FrontendActionFactory {
public:
  explicit Factory(MakeAction Make) : Make(std::move(Make)) {}
  std::unique_ptr<FrontendAction> create() override { return Make(); }

private:
  MakeAction Make;
};

template <typename MakeAction> Factory<MakeAction> makeFactory(MakeAction M) {
  return Factory<MakeAction>(std::move(M));
}

/// Flags every analysis run gets: warnings off (only errors matter to us),
/// and clang 19's own builtin headers.
ArgumentsAdjuster analysisAdjuster() {
  ArgumentsAdjuster Adjust = getClangSyntaxOnlyAdjuster();
  Adjust = combineAdjusters(Adjust, getClangStripOutputAdjuster());
  Adjust = combineAdjusters(
      Adjust, getInsertArgumentAdjuster({"-w", "-fno-caret-diagnostics",
                                         "-resource-dir=" MPL_CLANG_RESOURCE_DIR},
                                        ArgumentInsertPosition::END));
  return Adjust;
}

std::string readFile(const std::string &Path, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = Buffer.getError().message();
    return "";
  }
  return (*Buffer)->getBuffer().str();
}

bool sameFindingKey(const Finding &A, const Finding &B) {
  return A.Check == B.Check && A.Where.File == B.Where.File &&
         A.Where.Line == B.Where.Line && A.Where.Column == B.Where.Column &&
         A.Message == B.Message;
}

} // namespace

Runner::Runner(const CompilationDatabase &DB, RunnerOptions Opts)
    : DB(DB), Opts(std::move(Opts)) {}

Report Runner::analyze(const std::vector<std::string> &Files) {
  Report R;
  for (const std::string &File : Files) {
    if (!llvm::sys::fs::exists(File)) {
      R.Errors.push_back({File, "no such file"});
      continue;
    }
    std::string ReadError;
    readFile(File, ReadError);
    if (!ReadError.empty()) {
      R.Errors.push_back({File, "cannot read: " + ReadError});
      continue;
    }
    if (DB.getCompileCommands(File).empty()) {
      R.Errors.push_back({File, "not in the compile database; not analysed"});
      continue;
    }
    ClangTool Tool(DB, {File});
    Tool.appendArgumentsAdjuster(analysisAdjuster());
    ErrorCollector Diags;
    Tool.setDiagnosticConsumer(&Diags);
    Tool.setPrintErrorMessage(false);
    TranslationUnitResult Unit;
    auto F = makeFactory([&] {
      return std::make_unique<AnalysisAction>(Opts.Engine, Unit);
    });
    int Status = Tool.run(&F);
    ++R.TranslationUnits;
    bool Clean = Status == 0 && Diags.Errors == 0;
    if (!Clean)
      R.Errors.push_back(
          {File, Diags.Errors
                     ? std::to_string(Diags.Errors) + " compiler error" +
                           (Diags.Errors == 1 ? "" : "s") + " (first: " +
                           Diags.First + "); findings may be incomplete, no "
                           "fixes from this file"
                     : "the compiler could not run on this file"});
    UnitFixes UF;
    UF.MainFile = File;
    for (Finding &Found : Unit.Findings) {
      if (Clean && Opts.CollectFixes)
        UF.Edits.insert(UF.Edits.end(), Found.Fix.begin(), Found.Fix.end());
      if (!Clean)
        Found.Fixable = false;
      bool Seen = false;
      for (const Finding &Existing : R.Findings)
        if (sameFindingKey(Existing, Found)) {
          Seen = true;
          break;
        }
      if (!Seen)
        R.Findings.push_back(std::move(Found));
    }
    if (!UF.Edits.empty())
      Fixes.push_back(std::move(UF));
  }
  return R;
}

unsigned Runner::countErrors(const std::string &File,
                             const std::map<std::string, FileRewrite> &Overlay,
                             std::string &FirstError) {
  ClangTool Tool(DB, {File});
  Tool.appendArgumentsAdjuster(analysisAdjuster());
  for (const auto &[Path, Rewrite] : Overlay)
    Tool.mapVirtualFile(Path, Rewrite.After);
  ErrorCollector Diags;
  Tool.setDiagnosticConsumer(&Diags);
  Tool.setPrintErrorMessage(false);
  auto F = newFrontendActionFactory<SyntaxOnlyAction>();
  int Status = Tool.run(F.get());
  FirstError = Diags.First;
  return Diags.Errors + (Status != 0 && Diags.Errors == 0);
}

std::map<std::string, FileRewrite> Runner::prepareRewrites(Report &R) {
  std::map<std::string, FileRewrite> Rewrites;
  std::vector<Edit> All;
  for (const UnitFixes &U : Fixes)
    All.insert(All.end(), U.Edits.begin(), U.Edits.end());
  std::set<std::string> Refused;
  for (auto &[Path, Edits] : groupEditsByFile(All)) {
    std::string ReadError;
    std::string Before = readFile(Path, ReadError);
    if (!ReadError.empty()) {
      R.Errors.push_back({Path, "cannot read: " + ReadError});
      Refused.insert(Path);
      continue;
    }
    ApplyResult Applied = applyEdits(Before, Edits);
    if (!Applied.Error.empty()) {
      R.Errors.push_back({Path, Applied.Error + "; file left unchanged"});
      Refused.insert(Path);
      continue;
    }
    Rewrites[Path] = {std::move(Before), std::move(Applied.Text)};
  }
  // A translation unit whose edits do not re-parse loses all of them.
  for (const UnitFixes &U : Fixes) {
    bool Touched = false;
    for (const Edit &E : U.Edits)
      Touched |= Rewrites.count(E.File) > 0;
    if (!Touched)
      continue;
    std::string FirstError;
    if (countErrors(U.MainFile, Rewrites, FirstError) == 0)
      continue;
    for (const Edit &E : U.Edits)
      if (Rewrites.erase(E.File))
        R.Errors.push_back({E.File, "the rewritten file does not compile (" +
                                        FirstError +
                                        "); file left unchanged"});
  }
  for (const std::string &Path : Refused)
    Rewrites.erase(Path);
  return Rewrites;
}

} // namespace mpl
