//===- FaultHooks.h - failure injection for the isolation tests -*- C++ -*-===//
//
// The tests of crash isolation, timeouts and interrupted writes need a worker
// that crashes or hangs and a write that stalls. The shipped binary installs
// no hooks; the test-only binary mmap-prepare-lint-faults links
// tool/cli/FaultInjection.cpp, which installs them from MPL_TEST_* variables.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_FAULTHOOKS_H
#define MPL_CORE_FAULTHOOKS_H

#include <string>

namespace mpl {

struct FaultHooks {
  /// Runs in the worker before it analyses \p File (may crash or hang).
  void (*BeforeAnalysis)(const std::string &File) = nullptr;
  /// Seconds to stall half-way through each atomic file write.
  unsigned WriteStallSeconds = 0;
};

/// The process's hooks; all empty unless a test build installed them.
FaultHooks &faultHooks();

} // namespace mpl

#endif
