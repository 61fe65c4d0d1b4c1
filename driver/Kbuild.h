//===- Kbuild.h - `make C=1 CHECK="mmap-prepare-lint --kbuild"` -*- C++ -*-===//
//
// Kbuild runs a checker as `$(CHECK) $(CHECKFLAGS) $(c_flags) <file.c>`: the
// compiler's own flags, sparse's flags (-D__CHECKER__, -Wbitwise, -m64, ...)
// and the source file last. In --kbuild mode the command line is split into
// this tool's own options and the compile command of that one file.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_KBUILD_H
#define MPL_DRIVER_KBUILD_H

#include <string>
#include <vector>

namespace mpl {

struct KbuildArgs {
  /// argv[0] and this tool's options, for the option parser.
  std::vector<const char *> ToolArgs;
  /// The compile command: a compiler name, flags, the source file.
  std::vector<std::string> Command;
  std::string File;
  std::string Error;
};

bool isKbuildInvocation(int Argc, const char **Argv);
KbuildArgs splitKbuildArgs(int Argc, const char **Argv);

} // namespace mpl

#endif
