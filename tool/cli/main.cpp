//===- main.cpp - mmap-prepare-lint command line --------------------------===//
//
//   mmap-prepare-lint [options] <files or dirs...> [-- <compiler args>]
//   mmap-prepare-lint -p <build dir> [files or dirs...]
//   make C=1 CHECK="mmap-prepare-lint --kbuild"          (docs/kbuild.md)
//
// Exit status: 0 no findings, 1 findings, 2 an error (a file that could not
// be read, parsed or written, a unit that crashed or timed out, a bad
// compile database, bad options).
//
//===----------------------------------------------------------------------===//
#include "core/AtomicFile.h"
#include "core/Checks.h"
#include "core/Formats.h"
#include "core/Report.h"
#include "core/UnifiedDiff.h"
#include "tool/cli/CompileCommands.h"
#include "tool/cli/Kbuild.h"
#include "tool/cli/Runner.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

using namespace llvm;
using namespace clang::tooling;

namespace {

cl::OptionCategory Category("mmap-prepare-lint options");

cl::list<std::string> Paths(cl::Positional, cl::desc("<files or dirs>"),
                            cl::cat(Category));
cl::opt<std::string> BuildPath(
    "p",
    cl::desc(
        "Build directory holding compile_commands.json (or the file itself)"),
    cl::value_desc("build dir"), cl::cat(Category));
cl::opt<bool> Fix("fix",
                  cl::desc("Apply the conversions in place (atomically, only "
                           "when the result re-parses)"),
                  cl::cat(Category));
cl::opt<bool>
    Diff("diff",
         cl::desc("Print the conversions as a unified diff; write nothing"),
         cl::cat(Category));
cl::opt<std::string> Format("format",
                            cl::desc("Output format: text, json or sarif"),
                            cl::init("text"), cl::cat(Category));
cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated check globs; '-' disables (default: all)"),
           cl::init("*"), cl::cat(Category));
cl::opt<bool> Explain("explain",
                      cl::desc("Show why each callback got its classification"),
                      cl::cat(Category));
cl::opt<std::string>
    Api("api",
        cl::desc(
            "Target kernel API: 7.0, 7.1, 7.2, 7.3 or auto (read the headers)"),
        cl::init("auto"), cl::cat(Category));
cl::opt<std::string> Suffix("suffix",
                            cl::desc("Suffix for converted callback names"),
                            cl::init("_prepare"), cl::cat(Category));
cl::list<std::string>
    Ops("ops",
        cl::desc("Also report mmap slots of these ops structs, as struct.field "
                 "(e.g. fb_ops.fb_mmap)"),
        cl::CommaSeparated, cl::cat(Category));
cl::opt<std::string> SuppressionsFile(
    "suppressions",
    cl::desc("Drop the findings this suppression list matches (see docs)"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the checks and exit"),
                         cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Do not print the summary"),
                    cl::cat(Category));
// Tree runs.
cl::opt<unsigned>
    Jobs("j", cl::desc("Parallel workers (default: the number of cores)"),
         cl::value_desc("N"), cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<unsigned> Timeout(
    "timeout",
    cl::desc(
        "Seconds one translation unit may take; 0: no limit (default 120)"),
    cl::init(120), cl::cat(Category));
cl::opt<bool> NoPrefilter(
    "no-prefilter",
    cl::desc("Parse every unit, even those whose text cannot hold a finding"),
    cl::cat(Category));
cl::opt<bool>
    PrefilterReport("prefilter-report",
                    cl::desc("Dry run: print the pre-filter's verdict for "
                             "every unit (stderr), parse nothing"),
                    cl::cat(Category));
cl::opt<bool>
    NoSkipBodies("no-skip-bodies",
                 cl::desc("Parse the bodies of all header functions too"),
                 cl::cat(Category));
cl::opt<bool>
    NoScanMissing("no-scan-missing",
                  cl::desc("Do not look for mmap hooks in files of the given "
                           "directories that the database lacks"),
                  cl::cat(Category));
cl::opt<std::string> SummaryByOpt(
    "summary-by",
    cl::desc("Summary table rows: dir (adds a per-directory table)"),
    cl::value_desc("dir"), cl::init(""), cl::cat(Category));
cl::opt<std::string> CacheDir("cache-dir",
                              cl::desc("Where flag-probe verdicts are cached "
                                       "(default ~/.cache/mmap-prepare-lint)"),
                              cl::init(""), cl::cat(Category));
cl::opt<bool>
    NoProbe("no-probe",
            cl::desc("Do not probe unknown compiler flags; drop them"),
            cl::cat(Category));
// CI.
cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write the fixes as clang-apply-replacements YAML"),
                cl::value_desc("yaml"), cl::cat(Category));
cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Report and fail only on findings not in this baseline"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string>
    WriteBaseline("write-baseline",
                  cl::desc("Write this run's findings as a baseline"),
                  cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> FailOn(
    "fail-on",
    cl::desc("Exit 1 only for findings of these check globs (default: all)"),
    cl::value_desc("globs"), cl::init("*"), cl::cat(Category));
cl::opt<std::string> PatchesDir("patches",
                                cl::desc("Write one git format-patch mail per "
                                         "converted file into this directory"),
                                cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string>
    HelpUriBase("sarif-help-uri",
                cl::desc("Prefix of SARIF rules' helpUri (default: "
                         "docs/checks/ of the source tree)"),
                cl::init(""), cl::cat(Category));
// Kbuild.
cl::opt<bool> Kbuild("kbuild",
                     cl::desc("Run as kbuild's CHECK: compiler flags and one "
                              "file follow (docs/kbuild.md)"),
                     cl::cat(Category));
cl::opt<bool>
    KbuildError("error",
                cl::desc("With --kbuild: exit 1 on findings (break the build)"),
                cl::cat(Category));

int fail(const Twine &Message) {
  errs() << "mmap-prepare-lint: error: " << Message << "\n";
  return 2;
}

bool looksLikeHookFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, false, false);
  if (!Buffer)
    return true; // let the analysis say why
  StringRef T = (*Buffer)->getBuffer();
  return T.contains(".mmap") || T.contains("->mmap") ||
         T.contains("mmap_prepare");
}

/// Expands directories to the database files under them, plus (unless
/// --no-scan-missing) the .c files under them that the database lacks but
/// that look like they install an mmap hook: those get an inferred command.
std::vector<std::string> selectFiles(const CompilationDatabase &DB,
                                     const std::vector<std::string> &Args,
                                     bool ScanMissing,
                                     std::set<std::string> &Optional,
                                     std::vector<mpl::RunError> &Errors) {
  std::vector<std::string> Files;
  std::set<std::string> Seen;
  auto Add = [&](const std::string &F) {
    if (Seen.insert(F).second)
      Files.push_back(F);
  };
  std::vector<std::string> All = DB.getAllFiles();
  std::set<std::string> InDB(All.begin(), All.end());
  // A stable order (the database's own is a hash order): sorted paths.
  std::sort(All.begin(), All.end());
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
      if (ScanMissing) {
        std::error_code EC;
        std::vector<std::string> Found;
        for (sys::fs::recursive_directory_iterator I(Abs, EC), E; I != E && !EC;
             I.increment(EC)) {
          StringRef P = I->path();
          if (!P.ends_with(".c") || InDB.count(P.str()) ||
              I->type() != sys::fs::file_type::regular_file)
            continue;
          if (looksLikeHookFile(P))
            Found.push_back(P.str());
        }
        std::sort(Found.begin(), Found.end());
        for (const std::string &F : Found) {
          Optional.insert(F);
          Add(F);
        }
      }
      if (Files.size() == Before)
        Errors.push_back(
            {Arg, "no file of the compile database is under this directory"});
      continue;
    }
    Add(std::string(Abs.str()));
  }
  return Files;
}

/// Runs a command and returns its stdout, or nullopt if it failed.
std::optional<std::string> capture(ArrayRef<StringRef> Argv) {
  SmallString<128> Out;
  if (sys::fs::createTemporaryFile("mpl-capture", "txt", Out))
    return std::nullopt;
  std::optional<StringRef> Redirects[] = {
      StringRef("/dev/null"), StringRef(Out), StringRef("/dev/null")};
  auto Program = sys::findProgramByName(Argv[0]);
  int RC =
      Program ? sys::ExecuteAndWait(*Program, Argv, std::nullopt, Redirects, 60)
              : -1;
  auto Buffer = MemoryBuffer::getFile(Out);
  sys::fs::remove(Out);
  if (RC != 0 || !Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

std::string rfc2822Date() {
  time_t Now = time(nullptr);
  if (const char *E = getenv("SOURCE_DATE_EPOCH"))
    Now = static_cast<time_t>(strtoll(E, nullptr, 10));
  struct tm TM;
  localtime_r(&Now, &TM);
  char Buf[64];
  strftime(Buf, sizeof Buf, "%a, %d %b %Y %H:%M:%S %z", &TM);
  return Buf;
}

std::string slug(StringRef S) {
  std::string Out;
  for (char C : S) {
    if (isalnum(static_cast<unsigned char>(C)))
      Out += static_cast<char>(tolower(static_cast<unsigned char>(C)));
    else if (!Out.empty() && Out.back() != '-')
      Out += '-';
  }
  while (!Out.empty() && Out.back() == '-')
    Out.pop_back();
  return Out;
}

/// --patches: one mail per change: a file, or the files a callback converted
/// across units touches (they apply together or not at all).
void writePatches(const std::map<std::string, mpl::FileRewrite> &Rewrites,
                  const std::vector<std::vector<std::string>> &ChangeSets,
                  const mpl::Report &R, StringRef FallbackRoot,
                  mpl::Report &Out) {
  if (std::error_code EC = sys::fs::create_directories(PatchesDir)) {
    Out.Errors.push_back(
        {PatchesDir, "cannot create the patch directory: " + EC.message()});
    return;
  }
  unsigned N = 0;
  for (const std::vector<std::string> &Change : ChangeSets) {
    // The subject follows the change's first C file (the tables, for a
    // callback defined elsewhere too: both are in one directory).
    std::string Path = Change.front();
    for (const std::string &F : Change)
      if (StringRef(F).ends_with(".c")) {
        Path = F;
        break;
      }
    std::string Dir(sys::path::parent_path(Path));
    std::string Root(FallbackRoot);
    std::string Prefix;
    std::string From = "mmap-prepare-lint <mmap-prepare-lint@localhost>";
    if (auto Top =
            capture({"git", "-C", Dir, "rev-parse", "--show-toplevel"})) {
      Root = StringRef(*Top).trim().str();
      if (auto Log = capture({"git", "-C", Root, "log", "-n", "30",
                              "--format=%s", "--", Path})) {
        SmallVector<StringRef, 32> Lines;
        StringRef(*Log).split(Lines, '\n', -1, false);
        Prefix = mpl::prefixFromSubjects(
            std::vector<std::string>(Lines.begin(), Lines.end()));
      }
      auto Name = capture({"git", "-C", Root, "config", "user.name"});
      auto Mail = capture({"git", "-C", Root, "config", "user.email"});
      if (Name && Mail)
        From = StringRef(*Name).trim().str() + " <" +
               StringRef(*Mail).trim().str() + ">";
    }
    if (Prefix.empty())
      Prefix = mpl::prefixFromPath(mpl::displayPath(Path, Root));
    mpl::PatchInput P;
    P.Prefix = Prefix;
    std::set<std::string> Seen;
    for (const std::string &File : Change) {
      const mpl::FileRewrite &Rewrite = Rewrites.at(File);
      P.Files.push_back(
          {mpl::displayPath(File, Root), Rewrite.Before, Rewrite.After});
      for (const mpl::Finding &F : R.Findings)
        for (const mpl::Edit &E : F.Fix)
          if (E.File == File && !F.Callback.empty() &&
              Seen.insert(F.Callback).second)
            P.Callbacks.push_back(F.Callback);
    }
    std::string Mail = mpl::formatPatch(P, From, rfc2822Date(), MPL_VERSION);
    char Num[8];
    snprintf(Num, sizeof Num, "%04u", ++N);
    SmallString<256> File(PatchesDir);
    sys::path::append(
        File, std::string(Num) + "-" +
                  slug(Prefix + " replace deprecated mmap hook").substr(0, 60) +
                  ".patch");
    std::error_code EC;
    raw_fd_ostream OS(File, EC);
    if (EC) {
      Out.Errors.push_back(
          {std::string(File), "cannot write: " + EC.message()});
      continue;
    }
    OS << Mail;
  }
}

bool writeOutputFile(StringRef Path, StringRef Text, mpl::Report &R) {
  SmallString<256> Parent(sys::path::parent_path(Path));
  if (!Parent.empty() && !sys::fs::is_directory(Parent)) {
    R.Errors.push_back({Path.str(), "cannot write: directory '" +
                                        Parent.str().str() +
                                        "' does not exist"});
    return false;
  }
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC) {
    R.Errors.push_back({Path.str(), "cannot write: " + EC.message()});
    return false;
  }
  OS << Text;
  return true;
}

} // namespace

int main(int Argc, const char **Argv) {
  // Kbuild passes the compiler's flags and sparse's: split them off before
  // the option parser sees them.
  std::unique_ptr<CompilationDatabase> KbuildDB;
  mpl::KbuildArgs KArgs;
  bool KbuildMode = mpl::isKbuildInvocation(Argc, Argv);
  std::string FixedError;
  std::unique_ptr<CompilationDatabase> Fixed;
  if (KbuildMode) {
    KArgs = mpl::splitKbuildArgs(Argc, Argv);
    if (!KArgs.Error.empty())
      return fail(KArgs.Error);
    SmallString<256> Cwd;
    sys::fs::current_path(Cwd);
    KbuildDB = std::make_unique<mpl::SingleCommandDatabase>(
        CompileCommand(Cwd, KArgs.File, KArgs.Command, ""));
    Argc = static_cast<int>(KArgs.ToolArgs.size());
    Argv = KArgs.ToolArgs.data();
  } else {
    // Everything after `--` is the compile command for the given files.
    Fixed =
        FixedCompilationDatabase::loadFromCommandLine(Argc, Argv, FixedError);
  }
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
  if (Format != "text" && Format != "json" && Format != "sarif")
    return fail("unknown --format '" + Format + "' (text, json or sarif)");
  if (Fix && Diff)
    return fail("--fix and --diff exclude each other");
  if (!SummaryByOpt.empty() && SummaryByOpt != "dir")
    return fail("unknown --summary-by '" + SummaryByOpt + "' (dir)");
  if (KbuildError && !KbuildMode)
    return fail("--error only applies with --kbuild");
  auto Level = mpl::ApiLevel::parse(Api);
  if (!Level)
    return fail("unknown --api '" + Api + "' (7.0, 7.1, 7.2, 7.3 or auto)");

  std::unique_ptr<CompilationDatabase> FromBuild;
  const CompilationDatabase *DB = KbuildMode ? KbuildDB.get() : Fixed.get();
  std::string DBDir;
  if (!DB && !BuildPath.empty()) {
    std::string Error;
    SmallString<256> P(BuildPath);
    if (sys::fs::is_directory(P))
      sys::path::append(P, "compile_commands.json");
    if (!sys::fs::exists(P))
      return fail(P + ": no such file (a compile_commands.json or the build "
                      "directory that holds one)");
    // LLVM's reader is a YAML parser: on malformed JSON it prints a caret
    // diagnostic naming no file and returns what it read so far. Check the
    // JSON first; one line naming the file.
    {
      auto Buffer = MemoryBuffer::getFile(P);
      if (!Buffer)
        return fail(P + ": " + Buffer.getError().message());
      nlohmann::json Doc =
          nlohmann::json::parse((*Buffer)->getBuffer(), nullptr, false);
      if (Doc.is_discarded())
        return fail(P + ": not a valid compile database (malformed JSON)");
      if (!Doc.is_array())
        return fail(P + ": not a valid compile database (expected a JSON "
                        "array of entries)");
      for (const nlohmann::json &E : Doc)
        if (!E.is_object() || !E.contains("directory") || !E.contains("file") ||
            (!E.contains("command") && !E.contains("arguments")))
          return fail(P +
                      ": not a valid compile database (an entry lacks "
                      "\"directory\", \"file\" or \"command\"/\"arguments\")");
    }
    FromBuild = JSONCompilationDatabase::loadFromFile(
        P, Error, JSONCommandLineSyntax::AutoDetect);
    if (!FromBuild) {
      std::string First = StringRef(Error).trim().split('\n').first.str();
      return fail(P + ": not a valid compile database (" + First + ")");
    }
    SmallString<256> AbsDir(sys::path::parent_path(P));
    sys::fs::make_absolute(AbsDir);
    sys::path::remove_dots(AbsDir, true);
    DBDir = std::string(AbsDir.str());
    FromBuild = inferMissingCompileCommands(std::move(FromBuild));
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
  if (!SuppressionsFile.empty()) {
    auto Buffer = MemoryBuffer::getFile(SuppressionsFile);
    if (!Buffer)
      return fail(SuppressionsFile + ": " + Buffer.getError().message());
    std::string Error;
    auto List = mpl::SuppressionList::parse((*Buffer)->getBuffer(), Error);
    if (!List)
      return fail(SuppressionsFile + ": " + Error);
    Opts.Engine.Suppressions =
        std::make_shared<const mpl::SuppressionList>(std::move(*List));
  }
  bool WantPatches = !PatchesDir.empty();
  Opts.CollectFixes = Fix || Diff || !ExportFixes.empty() || WantPatches;
  Opts.Jobs = Jobs;
  Opts.TimeoutSeconds = Timeout;
  Opts.Prefilter = !NoPrefilter;
  Opts.PrefilterReport = PrefilterReport;
  Opts.SkipBodies = !NoSkipBodies;
  Opts.Progress = !KbuildMode && !Quiet;

  mpl::CommandSanitizer Sanitizer(CacheDir.empty() ? mpl::defaultCacheDir()
                                                   : std::string(CacheDir),
                                  MPL_CLANG_BINARY, !NoProbe);

  std::vector<mpl::RunError> SelectErrors;
  std::set<std::string> Optional;
  std::vector<std::string> Files;
  if (KbuildMode) {
    SmallString<256> Abs(KArgs.File);
    sys::fs::make_absolute(Abs);
    Files.push_back(std::string(Abs.str()));
    // The command keeps kbuild's working directory (relative -I paths).
    SmallString<256> Cwd;
    sys::fs::current_path(Cwd);
    std::vector<std::string> Cmd = KArgs.Command;
    Cmd.back() = Files.front();
    KbuildDB = std::make_unique<mpl::SingleCommandDatabase>(
        CompileCommand(Cwd, Files.front(), Cmd, ""));
    DB = KbuildDB.get();
  } else {
    Files =
        selectFiles(*DB, std::vector<std::string>(Paths.begin(), Paths.end()),
                    !NoScanMissing && !Fixed, Optional, SelectErrors);
  }
  mpl::Runner Run(*DB, Opts, Sanitizer);
  mpl::Report R = Run.analyze(Files, Optional);
  R.Errors.insert(R.Errors.begin(), SelectErrors.begin(), SelectErrors.end());

  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  mpl::SourceLines Lines;

  std::map<std::string, mpl::FileRewrite> Rewrites;
  if (Opts.CollectFixes)
    Rewrites = Run.prepareRewrites(R);
  if (Diff)
    for (const auto &[Path, Rewrite] : Rewrites) {
      std::string Shown = mpl::displayPath(Path, Cwd);
      StringRef Rel = StringRef(Shown).ltrim('/');
      outs() << mpl::unifiedDiff("a/" + Rel.str(), "b/" + Rel.str(),
                                 Rewrite.Before, Rewrite.After);
    }
  std::set<std::string> Fixed_;
  if (Fix)
    for (const auto &[Path, Rewrite] : Rewrites) {
      std::string Error = mpl::writeFileAtomically(Path, Rewrite.After);
      if (!Error.empty())
        R.Errors.push_back({Path, Error});
      else
        Fixed_.insert(Path);
    }
  if (!ExportFixes.empty()) {
    std::set<std::string> Kept;
    for (const auto &[Path, Rewrite] : Rewrites)
      Kept.insert(Path);
    std::string Main = Files.size() == 1 ? Files.front() : std::string();
    writeOutputFile(ExportFixes,
                    mpl::exportFixesYaml(R, Kept, Main,
                                         DBDir.empty() ? Cwd.str() : DBDir,
                                         Lines),
                    R);
  }
  if (WantPatches)
    writePatches(Rewrites, Run.changeSets(Rewrites), R,
                 DBDir.empty() ? Cwd.str() : StringRef(DBDir), R);

  // Baselines: written from every finding; with --baseline only the findings
  // it does not hold are reported and count.
  std::vector<std::string> Fingerprints =
      mpl::findingFingerprints(R, Cwd, Lines);
  if (!WriteBaseline.empty())
    writeOutputFile(WriteBaseline, mpl::baselineFile(R, Fingerprints, Cwd), R);
  unsigned Baselined = 0;
  if (!BaselineFile.empty()) {
    std::multiset<std::string> Known;
    std::string Error;
    if (!mpl::readBaseline(BaselineFile, Known, Error)) {
      R.Errors.push_back({BaselineFile, Error});
    } else {
      std::vector<mpl::Finding> New;
      for (size_t I = 0; I < R.Findings.size(); ++I) {
        auto It = Known.find(Fingerprints[I]);
        if (It != Known.end()) {
          Known.erase(It);
          ++Baselined;
          continue;
        }
        New.push_back(std::move(R.Findings[I]));
      }
      R.Findings = std::move(New);
    }
  }

  if (KbuildMode) {
    // One line per finding, the form compilers and editors read.
    for (const mpl::Finding &F : R.Findings)
      errs() << mpl::displayPath(F.Where.File, Cwd) << ":" << F.Where.Line
             << ":" << F.Where.Column << ": "
             << (F.Level == mpl::Severity::Error ? "error" : "warning") << ": "
             << F.Message << " [" << F.Check << "]\n";
    for (const mpl::RunError &E : R.Errors)
      errs() << mpl::displayPath(E.File, Cwd)
             << ": warning: mmap-prepare-lint could not analyse this file: "
             << E.Message << "\n";
    return KbuildError && !R.Findings.empty() ? 1 : 0;
  }

  // With --diff the diff owns stdout; findings go to stderr.
  raw_ostream &Findings = Diff ? errs() : outs();
  if (Format == "json") {
    Findings << mpl::jsonReport(R, Explain, Cwd);
  } else if (Format == "sarif") {
    mpl::SarifOptions SO;
    SO.BaseDir = Cwd;
    SO.ToolVersion = MPL_VERSION;
    SO.Baselined = !BaselineFile.empty();
    SO.HelpUriBase = HelpUriBase;
    if (SO.HelpUriBase.empty())
      SO.HelpUriBase = "file://" MPL_SOURCE_DIR "/docs/checks/";
    SO.InformationUri = "file://" MPL_SOURCE_DIR "/README.md";
    Findings << mpl::sarifReport(R, SO, Lines);
  } else {
    mpl::printText(Findings, R, Explain, Cwd);
    if (Fix)
      for (const std::string &Path : Fixed_)
        errs() << "fixed: " << mpl::displayPath(Path, Cwd) << "\n";
  }
  outs().flush(); // findings first, then errors and the summary
  for (const mpl::RunError &E : R.Errors)
    errs() << mpl::displayPath(E.File, Cwd) << ": error: " << E.Message << "\n";
  for (const mpl::RunError &E : R.NotAnalysed)
    errs() << mpl::displayPath(E.File, Cwd)
           << ": note: not analysed: " << E.Message << "\n";
  if (!Quiet && Format == "text") {
    bool TreeRun = !Fixed || !SummaryByOpt.empty();
    if (TreeRun)
      mpl::printSummaryTable(errs(), R,
                             SummaryByOpt == "dir" ? mpl::SummaryBy::Dir
                                                   : mpl::SummaryBy::None,
                             Cwd);
    if (Baselined)
      errs() << Baselined << " finding" << (Baselined == 1 ? "" : "s")
             << " in the baseline not shown\n";
    mpl::printSummary(errs(), R);
  }
  if (!R.Errors.empty())
    return 2;
  mpl::CheckFilter Failing(FailOn);
  for (const mpl::Finding &F : R.Findings)
    if (Failing.isEnabled(F.Check))
      return 1;
  return 0;
}
