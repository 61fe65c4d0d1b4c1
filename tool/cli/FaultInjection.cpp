//===- FaultInjection.cpp - MPL_TEST_* hooks of the test-only binary ------===//
//
// Linked only into mmap-prepare-lint-faults (see core/FaultHooks.h):
//   MPL_TEST_CRASH_ON=<text>   the worker of a file whose path contains <text>
//                              raises SIGSEGV;
//   MPL_TEST_HANG_ON=<text>    that worker hangs;
//   MPL_TEST_STALL_WRITE=<s>   every --fix write stalls half-way for <s> s.
//
//===----------------------------------------------------------------------===//
#include "core/FaultHooks.h"
#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace {

bool pathHas(const std::string &File, const char *Variable) {
  const char *Text = std::getenv(Variable);
  return Text && *Text && File.find(Text) != std::string::npos;
}

void crashOrHang(const std::string &File) {
  if (pathHas(File, "MPL_TEST_CRASH_ON"))
    std::raise(SIGSEGV);
  if (pathHas(File, "MPL_TEST_HANG_ON"))
    for (;;)
      ::pause();
}

const bool Installed = [] {
  mpl::FaultHooks &Hooks = mpl::faultHooks();
  Hooks.BeforeAnalysis = crashOrHang;
  if (const char *Stall = std::getenv("MPL_TEST_STALL_WRITE"))
    Hooks.WriteStallSeconds = static_cast<unsigned>(std::atoi(Stall));
  return true;
}();

} // namespace
