//===- Session.h - one run of the tool, from options to exit status -*- C++
//-*-//
//
// What a command-line front end does once its options are parsed: pick the
// compile database, select the files, run the tree runner, turn the edits
// into a diff, files, a fixes YAML or patch mails (only edits that
// re-parse), apply the gate (baseline, --fail-on), print the report and
// return the exit status. The command line and its kbuild mode call it;
// main.cpp only declares options.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_SESSION_H
#define MPL_DRIVER_SESSION_H

#include "core/Formats.h"
#include "driver/Gate.h"
#include "driver/Kbuild.h"
#include "driver/PatchSeries.h"
#include "driver/Runner.h"
#include "driver/Shard.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mpl {

enum class OutputFormat { Text, Json, Sarif };
std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name);

struct SessionOptions {
  RunnerOptions Run;
  /// Files or directories; none: every file of the database.
  std::vector<std::string> Paths;
  /// -p: compile_commands.json or its directory.
  std::string BuildPath;
  /// --shard=K/N: analyse only part K of N of the selected files.
  std::optional<ShardSpec> Shard;
  /// Also analyse files under the named directories that the database
  /// lacks but that can install a hook.
  bool ScanMissing = true;
  /// Where flag-probe verdicts and unit results are cached ("": the
  /// default).
  std::string CacheDir;
  /// Reuse and store unit results there (--no-cache: off).
  bool ResultCache = true;
  bool Probe = true;

  OutputFormat Format = OutputFormat::Text;
  bool Fix = false;
  bool Diff = false;
  bool Explain = false;
  bool Quiet = false;
  /// --summary-by: the summary table, also for runs on given flags.
  std::optional<SummaryBy> SummaryTable;
  std::string ExportFixes;
  /// --patches (its Dir empty: no mails), --author, --signoff.
  PatchOptions Patches;
  std::string SarifHelpUriBase;
  GateOptions Gate;
  /// Kbuild mode's --error: findings fail the build (run errors never do).
  bool KbuildError = false;
};

struct FindingsStyle {
  bool Explain = false;
  /// A baseline filtered the findings (SARIF: baselineState "new").
  bool Baselined = false;
  std::string SarifHelpUriBase;
};

/// \p R's findings in \p Fmt on \p OS (paths relative to \p Cwd); the
/// errors and the summary are the caller's.
void printFindings(llvm::raw_ostream &OS, OutputFormat Fmt, const Report &R,
                   const FindingsStyle &Style, llvm::StringRef Cwd,
                   SourceLines &Lines);

/// Compile commands a front end was given instead of a database file.
struct GivenCommands {
  /// `-- <flags>` after the files: one command for all of them.
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed;
  /// Kbuild's CHECK invocation: one file and its command.
  std::optional<KbuildArgs> Kbuild;
};

/// Runs the tool and returns the exit status (Gate.h). Messages go to
/// stdout (findings, or the diff) and stderr (errors, the summary).
int runSession(SessionOptions Opts, GivenCommands Given);

/// The one-line error every front end prints for a fatal problem; returns
/// ExitError.
int reportFatal(const llvm::Twine &Message);

} // namespace mpl

#endif
