//===- CommandLine.h - the command line's options ---------------*- C++ -*-===//
#ifndef MPL_TOOL_CLI_COMMANDLINE_H
#define MPL_TOOL_CLI_COMMANDLINE_H

#include "driver/Session.h"
#include <optional>

namespace mpl {

/// Parses argv (kbuild's CHECK invocation included) into a session. Returns
/// the exit status when the program is done (bad options, --list-checks).
std::optional<int> parseCommandLine(int Argc, const char **Argv,
                                    SessionOptions &Opts, GivenCommands &Given);

} // namespace mpl

#endif
