//===- CommandLine.cpp - option declarations and their parsing ------------===//
//
// The engine's own options (--api, --suffix, --ops, --suppressions) are not
// declared here: they come from core/EngineOptionSpec.cpp, which the
// clang-tidy module reads too.
//
//===----------------------------------------------------------------------===//
#include "tool/cli/CommandLine.h"
#include "core/EngineOptionSpec.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace mpl {
namespace {

cl::OptionCategory Category("mmap-prepare-lint options");

template <typename T> using Opt = cl::opt<T>;
auto Cat = cl::cat(Category);

cl::list<std::string> Paths(cl::Positional, cl::desc("<files or dirs>"), Cat);
Opt<std::string> BuildPath("p",
                           cl::desc("Build directory holding "
                                    "compile_commands.json (or the file)"),
                           cl::value_desc("build dir"), Cat);
Opt<bool> Fix("fix",
              cl::desc("Apply the conversions in place (atomically, only "
                       "when the result re-parses)"),
              Cat);
Opt<bool> Diff("diff",
               cl::desc("Print the conversions as a unified diff; write "
                        "nothing"),
               Cat);
Opt<std::string> Format("format",
                        cl::desc("Output format: text, json or sarif"),
                        cl::init("text"), Cat);
Opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated check globs; '-' disables (default: all)"),
           cl::init("*"), Cat);
Opt<bool> Explain("explain",
                  cl::desc("Show why each callback got its classification"),
                  Cat);
Opt<bool> ListChecks("list-checks", cl::desc("List the checks and exit"), Cat);
Opt<bool> Quiet("quiet", cl::desc("Do not print the summary"), Cat);
// Tree runs.
Opt<unsigned> Jobs("j",
                   cl::desc("Parallel workers (default: the number of cores)"),
                   cl::value_desc("N"), cl::init(0), cl::Prefix, Cat);
Opt<unsigned> Timeout("timeout",
                      cl::desc("Seconds one translation unit may take; 0: no "
                               "limit (default 120)"),
                      cl::init(120), Cat);
Opt<bool> NoPrefilter("no-prefilter",
                      cl::desc("Parse every unit, even those whose text "
                               "cannot hold a finding"),
                      Cat);
Opt<bool> PrefilterReport("prefilter-report",
                          cl::desc("Dry run: print the pre-filter's verdict "
                                   "for every unit (stderr), parse nothing"),
                          Cat);
Opt<bool> NoSkipBodies("no-skip-bodies",
                       cl::desc("Parse the bodies of all header functions too"),
                       Cat);
Opt<bool> NoScanMissing("no-scan-missing",
                        cl::desc("Do not look for mmap hooks in files of the "
                                 "given directories that the database lacks"),
                        Cat);
Opt<std::string>
    SummaryByOpt("summary-by",
                 cl::desc("Summary table rows: dir (adds a per-directory "
                          "table)"),
                 cl::value_desc("dir"), Cat);
Opt<std::string> CacheDir("cache-dir",
                          cl::desc("Where flag-probe verdicts and unit results "
                                   "are cached (default "
                                   "~/.cache/mmap-prepare-lint)"),
                          Cat);
Opt<bool> NoCache("no-cache",
                  cl::desc("Neither reuse nor store unit results in the cache "
                           "directory"),
                  Cat);
Opt<unsigned> CacheSize("cache-size",
                        cl::desc("Bound of the result cache in MiB; the least "
                                 "recently used entries go first (default "
                                 "512)"),
                        cl::init(512), cl::value_desc("MiB"), Cat);
Opt<bool> CacheStats("cache-stats",
                     cl::desc("Say on stderr how many units were parsed and "
                              "how many results came from the cache"),
                     Cat);
Opt<bool> NoProbe("no-probe",
                  cl::desc("Do not probe unknown compiler flags; drop them"),
                  Cat);
// CI.
Opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write the fixes as clang-apply-replacements YAML"),
                cl::value_desc("yaml"), Cat);
Opt<std::string>
    Baseline("baseline",
             cl::desc("Report and fail only on findings not in this baseline"),
             cl::value_desc("file"), Cat);
Opt<std::string> WriteBaseline("write-baseline",
                               cl::desc("Write this run's findings as a "
                                        "baseline"),
                               cl::value_desc("file"), Cat);
Opt<std::string> FailOn("fail-on",
                        cl::desc("Exit 1 only for findings of these check "
                                 "globs (default: all)"),
                        cl::value_desc("globs"), cl::init("*"), Cat);
Opt<std::string> PatchesDir("patches",
                            cl::desc("Write one git format-patch mail per "
                                     "converted file into this directory"),
                            cl::value_desc("dir"), Cat);
Opt<std::string> Shard("shard",
                       cl::desc("Analyse part K of N of the selected files "
                                "(balanced by size, the same split on every "
                                "machine); merge the parts' JSON with "
                                "`mmap-prepare-lint merge`"),
                       cl::value_desc("K/N"), Cat);
Opt<std::string> Author("author",
                        cl::desc("Author of the --patches mails, as 'Name "
                                 "<email>' (default: git's user.name and "
                                 "user.email)"),
                        cl::value_desc("ident"), Cat);
Opt<bool> Signoff("signoff",
                  cl::desc("Add Signed-off-by: of the author to the --patches "
                           "mails (as git format-patch -s)"),
                  Cat);
Opt<std::string> HelpUriBase("sarif-help-uri",
                             cl::desc("Prefix of SARIF rules' helpUri "
                                      "(default: docs/checks/ of the source "
                                      "tree)"),
                             Cat);
// Kbuild.
Opt<bool> Kbuild("kbuild",
                 cl::desc("Run as kbuild's CHECK: compiler flags and one file "
                          "follow (docs/kbuild.md)"),
                 Cat);
Opt<bool> KbuildError("error",
                      cl::desc("With --kbuild: exit 1 on findings (break the "
                               "build)"),
                      Cat);

/// The engine's options, declared from their spec (before parsing).
class EngineOptionFlags {
public:
  EngineOptionFlags() {
    for (const EngineOptionSpec &S : engineOptionSpecs()) {
      if (S.List)
        Lists.push_back(std::make_unique<cl::list<std::string>>(
            S.Flag, cl::desc(S.Help), cl::value_desc(S.ValueName),
            cl::CommaSeparated, Cat));
      else
        Values.push_back(std::make_unique<cl::opt<std::string>>(
            S.Flag, cl::desc(S.Help), cl::value_desc(S.ValueName),
            cl::init(S.Default.str()), Cat));
    }
  }

  /// Applies the parsed values; false after printing the first error.
  bool apply(EngineOptions &Engine) const {
    size_t NextList = 0, NextValue = 0;
    for (const EngineOptionSpec &S : engineOptionSpecs()) {
      std::string Value = S.List ? join(*Lists[NextList++], ",")
                                 : std::string(*Values[NextValue++]);
      std::vector<std::string> Invalid = S.Apply(Value, Engine);
      if (!Invalid.empty()) {
        reportFatal("--" + S.Flag + ": " + Invalid.front());
        return false;
      }
    }
    return true;
  }

private:
  std::vector<std::unique_ptr<cl::list<std::string>>> Lists;
  std::vector<std::unique_ptr<cl::opt<std::string>>> Values;
};

} // namespace

std::optional<int> parseCommandLine(int Argc, const char **Argv,
                                    SessionOptions &Opts,
                                    GivenCommands &Given) {
  static EngineOptionFlags EngineFlags;
  // Kbuild passes the compiler's flags and sparse's: split them off before
  // the option parser sees them. Otherwise everything after `--` is the
  // compile command for the given files.
  KbuildArgs KArgs;
  if (isKbuildInvocation(Argc, Argv)) {
    KArgs = splitKbuildArgs(Argc, Argv);
    if (!KArgs.Error.empty())
      return reportFatal(KArgs.Error);
    Argc = static_cast<int>(KArgs.ToolArgs.size());
    Argv = KArgs.ToolArgs.data();
    Given.Kbuild = KArgs;
  } else {
    std::string Ignored;
    Given.Fixed = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
        Argc, Argv, Ignored);
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
    return ExitError;

  if (ListChecks) {
    CheckFilter Filter(Checks);
    for (const CheckInfo &C : allChecks())
      if (Filter.isEnabled(C.Id))
        outs() << C.Id << "\n";
    return ExitClean;
  }
  std::optional<OutputFormat> Fmt = parseOutputFormat(Format);
  if (!Fmt)
    return reportFatal("unknown --format '" + Format +
                       "' (text, json or sarif)");
  if (!SummaryByOpt.empty() && SummaryByOpt != "dir")
    return reportFatal("unknown --summary-by '" + SummaryByOpt + "' (dir)");
  if (KbuildError && !Kbuild)
    return reportFatal("--error only applies with --kbuild");
  if (!Shard.empty()) {
    std::string Error;
    Opts.Shard = parseShard(Shard, Error);
    if (!Opts.Shard)
      return reportFatal(Error);
  }
  Opts.Run.Engine.Checks = CheckFilter(Checks);
  if (!EngineFlags.apply(Opts.Run.Engine))
    return ExitError;

  Opts.Paths.assign(Paths.begin(), Paths.end());
  Opts.BuildPath = BuildPath;
  Opts.ScanMissing = !NoScanMissing;
  Opts.CacheDir = CacheDir;
  Opts.ResultCache = !NoCache;
  Opts.Run.CacheMaxBytes = uint64_t(CacheSize) << 20;
  Opts.Run.CacheStats = CacheStats;
  Opts.Probe = !NoProbe;
  Opts.Run.Jobs = Jobs;
  Opts.Run.TimeoutSeconds = Timeout;
  Opts.Run.Prefilter = !NoPrefilter;
  Opts.Run.PrefilterReport = PrefilterReport;
  Opts.Run.SkipBodies = !NoSkipBodies;
  Opts.Format = *Fmt;
  Opts.Fix = Fix;
  Opts.Diff = Diff;
  Opts.Explain = Explain;
  Opts.Quiet = Quiet;
  if (SummaryByOpt == "dir")
    Opts.SummaryTable = SummaryBy::Dir;
  Opts.ExportFixes = ExportFixes;
  Opts.Patches.Dir = PatchesDir;
  Opts.Patches.Author = Author;
  Opts.Patches.Signoff = Signoff;
  Opts.SarifHelpUriBase = HelpUriBase;
  Opts.Gate.Baseline = Baseline;
  Opts.Gate.WriteBaseline = WriteBaseline;
  Opts.Gate.FailOn = CheckFilter(FailOn);
  Opts.KbuildError = KbuildError;
  return std::nullopt;
}

} // namespace mpl
