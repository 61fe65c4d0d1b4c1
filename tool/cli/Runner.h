//===- Runner.h - run the engine over translation units ---------*- C++ -*-===//
//
// The tree runner: one forked worker per translation unit, -j at a time, so a
// unit that crashes clang or hangs costs only itself (WorkerPool.h); a text
// pre-filter that skips units that cannot hold a finding (Prefilter.h);
// compile commands made clang-19's first (CompileCommands.h). Results are
// merged in the order of the input: findings from shared headers once,
// identical edits once.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_TOOL_CLI_RUNNER_H
#define MPL_TOOL_CLI_RUNNER_H

#include "core/Engine.h"
#include "core/Report.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <map>
#include <memory>
#include <set>

namespace mpl {

class CommandSanitizer;

struct RunnerOptions {
  EngineOptions Engine;
  /// Compute edits (for --fix, --diff, --export-fixes, --patches).
  bool CollectFixes = false;
  /// Parallel workers; 0: the number of cores.
  unsigned Jobs = 0;
  /// Seconds per translation unit; 0: no limit.
  unsigned TimeoutSeconds = 120;
  /// Skip units whose text cannot hold a finding.
  bool Prefilter = true;
  /// Do not parse bodies of functions outside the main file that cannot
  /// matter to the analysis.
  bool SkipBodies = true;
  /// A progress line on stderr (only when it is a terminal).
  bool Progress = false;
  /// --prefilter-report: print the pre-filter's verdict per unit.
  bool PrefilterReport = false;
};

/// Per file: its contents before and after the tool's edits.
struct FileRewrite {
  std::string Before, After;
};

/// The command a unit runs with, once sanitized.
struct UnitCommand {
  std::string File;
  clang::tooling::CompileCommand Command;
  /// How the command was obtained when the database had none ("inferred
  /// from drivers/char/mem.c").
  std::string Inferred;
};

class Runner {
public:
  Runner(const clang::tooling::CompilationDatabase &DB, RunnerOptions Opts,
         CommandSanitizer &Sanitizer);
  ~Runner();

  /// Analyses every file; findings from headers shared by several
  /// translation units are reported once.
  /// Files in \p Optional were found by a directory scan, not named by the
  /// user: if they cannot be analysed they are listed as "not analysed"
  /// rather than failing the run.
  Report analyze(const std::vector<std::string> &Files,
                 const std::set<std::string> &Optional = {});

  /// Applies the collected edits in memory, keeps only those whose
  /// translation units still parse with them, and returns the new contents.
  /// Refusals are added to \p R as errors.
  std::map<std::string, FileRewrite> prepareRewrites(Report &R);

  /// Every edit of the run, of clean units only, grouped by file, identical
  /// edits merged.
  std::map<std::string, std::vector<Edit>> editsByFile() const;

private:
  struct UnitFixes {
    std::string MainFile;
    std::vector<Edit> Edits;
  };

  const clang::tooling::CompilationDatabase &DB;
  RunnerOptions Opts;
  CommandSanitizer &Sanitizer;
  std::vector<UnitFixes> Fixes;
  std::map<std::string, UnitCommand> Commands;
};

/// Runs the engine on one unit in this process (a worker's job).
std::string analyzeUnitPayload(const UnitCommand &U, const RunnerOptions &Opts);

unsigned defaultJobs();

} // namespace mpl

#endif
