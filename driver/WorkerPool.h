//===- WorkerPool.h - one forked child per job, N at a time -----*- C++ -*-===//
//
// Crash and hang isolation for the tree runner: every job (a translation
// unit to analyse, or a rewritten one to re-parse) runs in its own forked
// child, which writes its result to a pipe and exits. A child that dies on a
// signal or outlives the timeout costs only its own job.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_WORKERPOOL_H
#define MPL_DRIVER_WORKERPOOL_H

#include <functional>
#include <string>
#include <vector>

namespace mpl {

struct JobOutcome {
  enum Kind { Done, Crashed, TimedOut, Failed } K = Failed;
  /// What the job's function returned (Done only).
  std::string Payload;
  /// Crashed: the signal; Failed: the exit status.
  int Status = 0;
  double Seconds = 0;

  /// One line for the user: "crashed (signal 11)", "timed out after 120 s".
  std::string describe(unsigned TimeoutSeconds) const;
};

struct PoolOptions {
  unsigned Workers = 1;
  /// Seconds a job may run; 0: no limit.
  unsigned TimeoutSeconds = 120;
};

/// Runs \p Job(I) for I in [0, Count) in forked children, at most
/// PoolOptions::Workers at a time, and calls \p OnDone(I, Outcome) in the
/// parent as each one finishes. Returns the outcomes in job order.
std::vector<JobOutcome>
runJobs(size_t Count, const PoolOptions &Opts,
        const std::function<std::string(size_t)> &Job,
        const std::function<void(size_t, const JobOutcome &)> &OnDone = {});

} // namespace mpl

#endif
