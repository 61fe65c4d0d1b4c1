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
#ifndef MPL_DRIVER_RUNNER_H
#define MPL_DRIVER_RUNNER_H

#include "core/Engine.h"
#include "core/Report.h"
#include "driver/Wire.h"
#include "driver/WorkerPool.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <map>
#include <memory>
#include <set>

namespace mpl {

class CommandSanitizer;
class ResultCache;

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
  /// Where unit results are cached ("": no cache), and the cache's bound.
  std::string CacheDir;
  uint64_t CacheMaxBytes = 512ull << 20;
  /// --cache-stats: one line on stderr, units reused and analysed.
  bool CacheStats = false;
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
  friend class CrossUnitResolver;

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

  /// The rewritten files in sets that must be applied together (a callback
  /// converted across units, a header two units edit), each set sorted.
  std::vector<std::vector<std::string>>
  changeSets(const std::map<std::string, FileRewrite> &Rewrites) const;

private:
  /// Edits applied together or not at all; every unit in MainFiles must
  /// re-parse with them (one unit, or all units of a cross-unit callback).
  struct UnitFixes {
    std::vector<std::string> MainFiles;
    std::vector<Edit> Edits;
  };

  /// One unit's analysis, as the merge and the cross-unit step see it.
  struct AnalysedUnit {
    UnitCommand Command;
    JobOutcome Outcome;
    bool Decoded = false;
    UnitResult Result;
    /// Run with these facts from other units (the defining unit's pass).
    std::map<std::string, UsedElsewhere> DefinedHere;
    /// Not named by the user, analysed for the callbacks named here: only
    /// their findings are reported, and its own fixes are not kept.
    bool Requested = true;
    std::set<std::string> OnlyCallbacks;
    bool clean() const {
      return Decoded && !Result.DriverFailed && Result.CompilerErrors == 0;
    }
  };

  /// The commands of \p Files; files that cannot be analysed become errors
  /// (or, in \p Optional, "not analysed") of \p R.
  std::vector<UnitCommand> unitCommands(const std::vector<std::string> &Files,
                                        const std::set<std::string> &Optional,
                                        Report &R);
  /// The units the text pre-filter cannot rule out; the others are counted.
  std::vector<UnitCommand> prefilter(std::vector<UnitCommand> Units, Report &R);
  /// Adds one analysed unit's findings (each once: shared headers), errors
  /// and fixes to the run.
  void mergeUnit(AnalysedUnit &A, const std::set<std::string> &Optional,
                 std::set<std::string> &Seen, Report &R);
  /// Analyses Units[I] for each I in \p Which, in workers.
  void runUnits(std::vector<AnalysedUnit> &Units,
                const std::vector<size_t> &Which, bool ShowProgress);
  /// The command for a file the user did not name (a callback's defining
  /// file): the database's, or one inferred from its neighbours.
  bool commandFor(const std::string &File, UnitCommand &U, std::string &Why);
  /// Callbacks defined in one unit and installed in others
  /// (driver/CrossUnit.cpp): finds and analyses the defining units,
  /// joins the verdicts, and keeps each conversion as one UnitFixes.
  void resolveCrossUnit(std::vector<AnalysedUnit> &Units);

  /// What, besides a unit's command and files, its cached result is keyed
  /// by.
  std::string resultKey() const;

  const clang::tooling::CompilationDatabase &DB;
  RunnerOptions Opts;
  CommandSanitizer &Sanitizer;
  std::unique_ptr<ResultCache> Cache;
  /// Units given to a worker in this run (not taken from the cache).
  size_t Parsed = 0;
  std::vector<UnitFixes> Fixes;
  std::map<std::string, UnitCommand> Commands;
};

/// Runs the engine on one unit in this process (a worker's job).
std::string analyzeUnitPayload(const UnitCommand &U, const RunnerOptions &Opts);

unsigned defaultJobs();

} // namespace mpl

#endif
