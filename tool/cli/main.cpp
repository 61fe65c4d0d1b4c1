//===- main.cpp - mmap-prepare-lint command line --------------------------===//
//
//   mmap-prepare-lint [options] <files or dirs...> [-- <compiler args>]
//   mmap-prepare-lint -p <build dir> [files or dirs...]
//   make C=1 CHECK="mmap-prepare-lint --kbuild"          (docs/kbuild.md)
//   mmap-prepare-lint merge [--format=...] <report.json>... (driver/Merge.h)
//
// Exit status: 0 no findings, 1 findings, 2 an error (a file that could not
// be read, parsed or written, a unit that crashed or timed out, a bad
// compile database, bad options).
//
// The options are declared in CommandLine.cpp (the engine's in
// core/EngineOptionSpec.cpp); the run is driver/Session.cpp.
//
//===----------------------------------------------------------------------===//
#include "driver/HugePageMalloc.h"
#include "driver/Merge.h"
#include "tool/cli/CommandLine.h"
#include <cstring>

int main(int Argc, const char **Argv) {
  if (Argc > 1 && std::strcmp(Argv[1], "merge") == 0)
    return mpl::runMerge(llvm::ArrayRef(Argv + 2, Argc - 2));
  mpl::relaunchWithHugePageMalloc(Argv);
  mpl::SessionOptions Opts;
  mpl::GivenCommands Given;
  if (std::optional<int> Done = mpl::parseCommandLine(Argc, Argv, Opts, Given))
    return *Done;
  return mpl::runSession(std::move(Opts), std::move(Given));
}
