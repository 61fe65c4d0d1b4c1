//===- main.cpp - mmap-prepare-lint command line --------------------------===//
//
//   mmap-prepare-lint [options] <files or dirs...> [-- <compiler args>]
//
// Exit status: 0 no findings, 1 findings, 2 an error (a file that could not
// be read, parsed or written, a bad compile database, bad options).
//
//===----------------------------------------------------------------------===//
#include "core/AtomicFile.h"
#include "core/Checks.h"
#include "core/Report.h"
#include "core/UnifiedDiff.h"
#include "tool/cli/Runner.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

using namespace llvm;
using namespace clang::tooling;

namespace {

cl::OptionCategory Category("mmap-prepare-lint options");

cl::list<std::string> Paths(cl::Positional, cl::desc("<files or dirs>"),
                            cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding compile_commands.json (or the file itself)"),
                               cl::value_desc("build dir"), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply the conversions in place (atomically, only when the result re-parses)"),
                  cl::cat(Category));
cl::opt<bool> Diff("diff", cl::desc("Print the conversions as a unified diff; write nothing"),
                   cl::cat(Category));
cl::opt<std::string> Format("format", cl::desc("Output format: text or json"),
                            cl::init("text"), cl::cat(Category));
cl::opt<std::string> Checks("checks", cl::desc("Comma-separated check globs; '-' disables (default: all)"),
                            cl::init("*"), cl::cat(Category));
cl::opt<bool> Explain("explain", cl::desc("Show why each callback got its classification"),
                      cl::cat(Category));
cl::opt<std::string> Api("api", cl::desc("Target kernel API: 7.0, 7.1, 7.2, 7.3 or auto (read the headers)"),
                         cl::init("auto"), cl::cat(Category));
cl::opt<std::string> Suffix("suffix", cl::desc("Suffix for converted callback names"),
                            cl::init("_prepare"), cl::cat(Category));
cl::list<std::string> Ops("ops", cl::desc("Also report mmap slots of these ops structs, as struct.field (e.g. fb_ops.fb_mmap)"),
                          cl::CommaSeparated, cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the checks and exit"),
                         cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Do not print the summary line"),
                    cl::cat(Category));

int fail(const Twine &Message) {
  errs() << "mmap-prepare-lint: error: " << Message << "\n";
  return 2;
}

/// Expands directories to the database files under them.
std::vector<std::string> selectFiles(const CompilationDatabase &DB,
                                     const std::vector<std::string> &Args,
                                     std::vector<mpl::RunError> &Errors) {
  std::vector<std::string> Files;
  std::set<std::string> Seen;
  auto Add = [&](const std::string &F) {
    if (Seen.insert(F).second)
      Files.push_back(F);
  };
  std::vector<std::string> All = DB.getAllFiles();
  if (Args.empty()) {
    for (const std::string &F : All)
      Add(F);
    return Files;
  }
  for (const std::string &Arg : Args) {
    SmallString<256> Abs(Arg);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, true);
    if (sys::fs::is_directory(Abs)) {
      unsigned Before = Files.size();
      for (const std::string &F : All)
        if (StringRef(F).starts_with(Abs.str().str() + "/"))
          Add(F);
      if (Files.size() == Before)
        Errors.push_back({Arg, "no file of the compile database is under this directory"});
      continue;
    }
    Add(std::string(Abs.str()));
  }
  return Files;
}

} // namespace

int main(int Argc, const char **Argv) {
  std::string FixedError;
  // Everything after `--` is the compile command for the given files.
  std::unique_ptr<CompilationDatabase> Fixed =
      FixedCompilationDatabase::loadFromCommandLine(Argc, Argv, FixedError);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "mmap-prepare-lint " MPL_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
  });
  if (!cl::ParseCommandLineOptions(
          Argc, Argv,
          "Finds legacy file_operations.mmap callbacks and converts them to "
          "mmap_prepare.\n\nExit status: 0 no findings, 1 findings, 2 error.\n",
          &errs()))
    return 2;

  if (ListChecks) {
    mpl::CheckFilter Filter(Checks);
    for (const mpl::CheckInfo &C : mpl::allChecks())
      if (Filter.isEnabled(C.Id))
        outs() << C.Id << "\n";
    return 0;
  }
  if (Format != "text" && Format != "json")
    return fail("unknown --format '" + Format + "' (text or json)");
  if (Fix && Diff)
    return fail("--fix and --diff exclude each other");
  auto Level = mpl::ApiLevel::parse(Api);
  if (!Level)
    return fail("unknown --api '" + Api + "' (7.0, 7.1, 7.2, 7.3 or auto)");

  std::unique_ptr<CompilationDatabase> FromBuild;
  const CompilationDatabase *DB = Fixed.get();
  if (!DB && !BuildPath.empty()) {
    std::string Error;
    StringRef P = BuildPath;
    if (sys::fs::is_directory(P))
      FromBuild = JSONCompilationDatabase::loadFromDirectory(P, Error);
    else
      FromBuild = JSONCompilationDatabase::loadFromFile(
          P, Error, JSONCommandLineSyntax::AutoDetect);
    if (!FromBuild)
      return fail(BuildPath + ": " + StringRef(Error).trim());
    DB = FromBuild.get();
  }
  if (!DB && !Paths.empty()) {
    std::string Error;
    FromBuild = CompilationDatabase::autoDetectFromSource(Paths.front(), Error);
    DB = FromBuild.get();
  }
  if (!DB)
    return fail("no compile database: pass -p <build dir> or '-- <compiler "
                "flags>' after the files");
  if (Paths.empty() && Fixed)
    return fail("no input files");

  mpl::RunnerOptions Opts;
  Opts.Engine.Api = *Level;
  Opts.Engine.Suffix = Suffix;
  Opts.Engine.Checks = mpl::CheckFilter(Checks);
  for (const std::string &Slot : Ops) {
    auto [Struct, Field] = StringRef(Slot).split('.');
    if (Struct.empty() || Field.empty())
      return fail("--ops expects struct.field, got '" + Slot + "'");
    Opts.Engine.ExtraSlots.push_back({Struct.str(), Field.str()});
  }
  Opts.CollectFixes = Fix || Diff;

  std::vector<mpl::RunError> SelectErrors;
  std::vector<std::string> Files =
      selectFiles(*DB, std::vector<std::string>(Paths.begin(), Paths.end()),
                  SelectErrors);
  mpl::Runner Run(*DB, Opts);
  mpl::Report R = Run.analyze(Files);
  R.Errors.insert(R.Errors.begin(), SelectErrors.begin(), SelectErrors.end());

  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);

  std::map<std::string, mpl::FileRewrite> Rewrites;
  if (Fix || Diff)
    Rewrites = Run.prepareRewrites(R);
  if (Diff)
    for (const auto &[Path, Rewrite] : Rewrites) {
      std::string Shown = mpl::displayPath(Path, Cwd);
      StringRef Rel = StringRef(Shown).ltrim('/');
      outs() << mpl::unifiedDiff("a/" + Rel.str(), "b/" + Rel.str(), Rewrite.Before,
                                 Rewrite.After);
    }
  if (Fix)
    for (const auto &[Path, Rewrite] : Rewrites) {
      std::string Error = mpl::writeFileAtomically(Path, Rewrite.After);
      if (!Error.empty())
        R.Errors.push_back({Path, Error});
    }

  // With --diff the diff owns stdout; findings go to stderr.
  raw_ostream &Findings = Diff ? errs() : outs();
  if (Format == "json") {
    Findings << mpl::jsonReport(R, Explain, Cwd);
  } else {
    mpl::printText(Findings, R, Explain, Cwd);
    if (Fix)
      for (const auto &[Path, Rewrite] : Rewrites)
        errs() << "fixed: " << mpl::displayPath(Path, Cwd) << "\n";
  }
  outs().flush(); // findings first, then errors and the summary
  for (const mpl::RunError &E : R.Errors)
    errs() << mpl::displayPath(E.File, Cwd) << ": error: " << E.Message << "\n";
  if (!Quiet && Format == "text")
    mpl::printSummary(errs(), R);
  if (!R.Errors.empty())
    return 2;
  return R.Findings.empty() ? 0 : 1;
}
