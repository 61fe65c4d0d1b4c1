//===- Session.cpp --------------------------------------------------------===//
#include "driver/Session.h"
#include "core/AtomicFile.h"
#include "core/UnifiedDiff.h"
#include "driver/CompileCommands.h"
#include "driver/CompileDatabase.h"
#include "driver/PatchSeries.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tooling;

namespace mpl {
namespace {

std::string currentDirectory() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd.str());
}

/// The compile database of the run, in order of precedence: kbuild's
/// command, the flags after `--`, -p, one found next to the first path.
struct Database {
  std::unique_ptr<CompilationDatabase> Owned;
  /// The database file's directory (-p), for paths in the fixes YAML.
  std::string Dir;
  std::vector<std::string> KbuildFile;
};

bool openDatabase(const SessionOptions &Opts, GivenCommands &Given,
                  Database &Out, std::string &Error) {
  if (Given.Kbuild) {
    // The command keeps kbuild's working directory (relative -I paths).
    llvm::SmallString<256> File(Given.Kbuild->File);
    llvm::sys::fs::make_absolute(File);
    std::vector<std::string> Command = Given.Kbuild->Command;
    Command.back() = std::string(File.str());
    Out.Owned = std::make_unique<SingleCommandDatabase>(
        CompileCommand(currentDirectory(), Command.back(), Command, ""));
    Out.KbuildFile = {Command.back()};
  } else if (Given.Fixed) {
    if (Opts.Paths.empty()) {
      Error = "no input files";
      return false;
    }
    Out.Owned = std::move(Given.Fixed);
  } else if (!Opts.BuildPath.empty()) {
    Out.Owned = loadCompileDatabase(Opts.BuildPath, Out.Dir, Error);
    if (!Out.Owned)
      return false;
  } else if (!Opts.Paths.empty()) {
    std::string Ignored;
    Out.Owned =
        CompilationDatabase::autoDetectFromSource(Opts.Paths.front(), Ignored);
  }
  if (!Out.Owned) {
    Error = "no compile database: pass -p <build dir> or '-- <compiler "
            "flags>' after the files";
    return false;
  }
  return true;
}

/// Everything the run's edits are turned into: a diff, rewritten files, a
/// fixes YAML, patch mails. \p Fixed receives the files written.
void writeEdits(const SessionOptions &Opts, Runner &Run, const Database &DB,
                const InputFiles &In, llvm::StringRef Cwd, Report &R,
                std::set<std::string> &Fixed, SourceLines &Lines) {
  std::map<std::string, FileRewrite> Rewrites = Run.prepareRewrites(R);
  if (Opts.Diff)
    for (const auto &[Path, Rewrite] : Rewrites) {
      std::string Shown = displayPath(Path, Cwd);
      std::string Rel = llvm::StringRef(Shown).ltrim('/').str();
      llvm::outs() << unifiedDiff("a/" + Rel, "b/" + Rel, Rewrite.Before,
                                  Rewrite.After);
    }
  if (Opts.Fix)
    for (const auto &[Path, Rewrite] : Rewrites) {
      std::string Error = writeFileAtomically(Path, Rewrite.After);
      if (!Error.empty())
        R.Errors.push_back({Path, Error});
      else
        Fixed.insert(Path);
    }
  llvm::StringRef Root = DB.Dir.empty() ? Cwd : llvm::StringRef(DB.Dir);
  if (!Opts.ExportFixes.empty()) {
    std::set<std::string> Kept;
    for (const auto &[Path, Rewrite] : Rewrites)
      Kept.insert(Path);
    std::string Main = In.Files.size() == 1 ? In.Files.front() : "";
    writeOutputFile(Opts.ExportFixes,
                    exportFixesYaml(R, Kept, Main, Root, Lines), R);
  }
  if (!Opts.Patches.Dir.empty()) {
    PatchOptions Patches = Opts.Patches;
    Patches.Suffix = Opts.Run.Engine.Suffix;
    writePatchSeries(Patches, Rewrites, Run.changeSets(Rewrites), Root, R);
  }
}

} // namespace

void printFindings(llvm::raw_ostream &OS, OutputFormat Fmt, const Report &R,
                   const FindingsStyle &Style, llvm::StringRef Cwd,
                   SourceLines &Lines) {
  switch (Fmt) {
  case OutputFormat::Json:
    OS << jsonReport(R, Style.Explain, Cwd);
    break;
  case OutputFormat::Sarif: {
    SarifOptions SO;
    SO.BaseDir = Cwd;
    SO.ToolVersion = MPL_VERSION;
    SO.Baselined = Style.Baselined;
    SO.HelpUriBase = Style.SarifHelpUriBase.empty() ? "file://" MPL_SOURCE_DIR
                                                      "/docs/checks/"
                                                    : Style.SarifHelpUriBase;
    SO.InformationUri = "file://" MPL_SOURCE_DIR "/README.md";
    OS << sarifReport(R, SO, Lines);
    break;
  }
  case OutputFormat::Text:
    printText(OS, R, Style.Explain, Cwd);
    break;
  }
}

namespace {

void printReport(const SessionOptions &Opts, const Report &R, const Gate &G,
                 const std::set<std::string> &Fixed, bool TreeRun,
                 llvm::StringRef Cwd, SourceLines &Lines) {
  // With --diff the diff owns stdout; findings go to stderr.
  llvm::raw_ostream &Findings = Opts.Diff ? llvm::errs() : llvm::outs();
  printFindings(Findings, Opts.Format, R,
                {Opts.Explain, G.hasBaseline(), Opts.SarifHelpUriBase}, Cwd,
                Lines);
  if (Opts.Format == OutputFormat::Text)
    for (const std::string &Path : Fixed)
      llvm::errs() << "fixed: " << displayPath(Path, Cwd) << "\n";
  Findings.flush();
  llvm::outs().flush(); // findings first, then errors and the summary
  for (const RunError &E : R.Errors)
    llvm::errs() << displayPath(E.File, Cwd) << ": error: " << E.Message
                 << "\n";
  for (const RunError &E : R.NotAnalysed)
    llvm::errs() << displayPath(E.File, Cwd)
                 << ": note: not analysed: " << E.Message << "\n";
  for (const RunError &E : R.Notes)
    llvm::errs() << displayPath(E.File, Cwd) << ": note: " << E.Message << "\n";
  if (Opts.Quiet || Opts.Format != OutputFormat::Text)
    return;
  if (TreeRun || Opts.SummaryTable)
    printSummaryTable(llvm::errs(), R,
                      Opts.SummaryTable.value_or(SummaryBy::None), Cwd);
  if (unsigned N = G.baselined())
    llvm::errs() << N << " finding" << (N == 1 ? "" : "s")
                 << " in the baseline not shown\n";
  printSummary(llvm::errs(), R);
}

} // namespace

std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name) {
  if (Name == "text")
    return OutputFormat::Text;
  if (Name == "json")
    return OutputFormat::Json;
  if (Name == "sarif")
    return OutputFormat::Sarif;
  return std::nullopt;
}

int reportFatal(const llvm::Twine &Message) {
  llvm::errs() << "mmap-prepare-lint: error: " << Message << "\n";
  return ExitError;
}

int runSession(SessionOptions Opts, GivenCommands Given) {
  if (Opts.Fix && Opts.Diff)
    return reportFatal("--fix and --diff exclude each other");
  if (Opts.Patches.Dir.empty() &&
      (!Opts.Patches.Author.empty() || Opts.Patches.Signoff))
    return reportFatal("--author and --signoff apply to --patches");
  bool Kbuild = Given.Kbuild.has_value();
  bool TreeRun = !Given.Fixed;
  Database DB;
  std::string Error;
  if (!openDatabase(Opts, Given, DB, Error))
    return reportFatal(Error);

  Opts.Run.CollectFixes = Opts.Fix || Opts.Diff || !Opts.ExportFixes.empty() ||
                          !Opts.Patches.Dir.empty();
  Opts.Run.Progress = !Kbuild && !Opts.Quiet;
  std::string CacheDir =
      Opts.CacheDir.empty() ? defaultCacheDir() : Opts.CacheDir;
  CommandSanitizer Sanitizer(CacheDir, MPL_CLANG_BINARY, Opts.Probe);
  if (Opts.ResultCache)
    Opts.Run.CacheDir = CacheDir;
  InputFiles In;
  if (Kbuild)
    In.Files = DB.KbuildFile;
  else
    In = selectInputFiles(*DB.Owned, Opts.Paths, Opts.ScanMissing && TreeRun,
                          siteWords(Opts.Run.Engine.ExtraSlots));
  if (Opts.Shard) {
    std::vector<uint64_t> Sizes;
    for (const std::string &F : In.Files) {
      uint64_t Size = 0;
      llvm::sys::fs::file_size(F, Size);
      Sizes.push_back(Size);
    }
    In.Files = filesOfShard(In.Files, Sizes, *Opts.Shard);
  }
  Runner Run(*DB.Owned, Opts.Run, Sanitizer);
  Report R = Run.analyze(In.Files, In.Optional);
  R.Errors.insert(R.Errors.begin(), In.Errors.begin(), In.Errors.end());
  R.NotC = In.NotC;

  // Paths are shown relative to where the tool runs.
  std::string Cwd = currentDirectory();
  SourceLines Lines;
  std::set<std::string> Fixed;
  if (Opts.Run.CollectFixes)
    writeEdits(Opts, Run, DB, In, Cwd, R, Fixed, Lines);

  if (Kbuild) {
    // A checker in a build: findings fail it only with --error, and a file
    // it cannot analyse never does.
    Opts.Gate.ErrorsFail = false;
    Opts.Gate.FailOn = CheckFilter(Opts.KbuildError ? "*" : "-*");
  }
  Gate G(std::move(Opts.Gate));
  G.filter(R, Cwd, Lines);
  if (Kbuild)
    printCompilerStyle(llvm::errs(), R, Cwd);
  else
    printReport(Opts, R, G, Fixed, TreeRun, Cwd, Lines);
  return G.exitStatus(R);
}

} // namespace mpl
