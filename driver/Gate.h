//===- Gate.h - what a run's findings mean to CI ----------------*- C++ -*-===//
//
// The policy between the findings and the exit status, for every front end
// that has one (the command line, kbuild mode): --write-baseline records
// every finding, --baseline hides (and does not count) the findings it
// holds, --fail-on picks the checks that fail the run, and run errors fail
// it unless the front end says they must not (kbuild: a checker that cannot
// analyse a file must not break the build).
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_GATE_H
#define MPL_DRIVER_GATE_H

#include "core/Checks.h"
#include "core/Formats.h"
#include "core/Report.h"
#include <string>

namespace mpl {

struct GateOptions {
  /// --baseline: findings it holds are neither shown nor counted.
  std::string Baseline;
  /// --write-baseline: every finding of the run, before the baseline.
  std::string WriteBaseline;
  /// --fail-on: the checks whose findings fail the run.
  CheckFilter FailOn = CheckFilter("*");
  /// Whether run errors fail the run (exit 2).
  bool ErrorsFail = true;
};

enum ExitStatus : int { ExitClean = 0, ExitFindings = 1, ExitError = 2 };

class Gate {
public:
  explicit Gate(GateOptions Opts) : Opts(std::move(Opts)) {}

  /// Writes the baseline, then drops the findings the given baseline
  /// holds (each fingerprint once: two equal findings need two entries).
  /// Files it cannot read or write become errors of \p R.
  void filter(Report &R, llvm::StringRef BaseDir, SourceLines &Lines);

  /// Findings dropped by the baseline.
  unsigned baselined() const { return Baselined; }
  bool hasBaseline() const { return !Opts.Baseline.empty(); }

  ExitStatus exitStatus(const Report &R) const;

private:
  GateOptions Opts;
  unsigned Baselined = 0;
};

/// Writes \p Text to \p Path; on failure an error naming the file is added
/// to \p R (a missing parent directory is named as such).
bool writeOutputFile(llvm::StringRef Path, llvm::StringRef Text, Report &R);

} // namespace mpl

#endif
