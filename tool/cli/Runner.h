//===- Runner.h - run the engine over translation units ---------*- C++ -*-===//
#ifndef MPL_TOOL_CLI_RUNNER_H
#define MPL_TOOL_CLI_RUNNER_H

#include "core/Engine.h"
#include "core/Report.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <map>

namespace mpl {

struct RunnerOptions {
  EngineOptions Engine;
  /// Compute edits (for --fix, --diff).
  bool CollectFixes = false;
};

/// Per file: its contents before and after the tool's edits.
struct FileRewrite {
  std::string Before, After;
};

class Runner {
public:
  Runner(const clang::tooling::CompilationDatabase &DB, RunnerOptions Opts);

  /// Analyses every file; findings from headers shared by several
  /// translation units are reported once.
  Report analyze(const std::vector<std::string> &Files);

  /// Applies the collected edits in memory, keeps only those whose
  /// translation units still parse with them, and returns the new contents.
  /// Refusals are added to \p R as errors.
  std::map<std::string, FileRewrite> prepareRewrites(Report &R);

private:
  struct UnitFixes {
    std::string MainFile;
    std::vector<Edit> Edits;
  };
  unsigned countErrors(const std::string &File,
                       const std::map<std::string, FileRewrite> &Overlay,
                       std::string &FirstError);

  const clang::tooling::CompilationDatabase &DB;
  RunnerOptions Opts;
  std::vector<UnitFixes> Fixes;
};

} // namespace mpl

#endif
