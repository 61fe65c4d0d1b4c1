//===- CompileDatabase.h - the database a run reads, and its files -*- C++ -*-//
//
// Where the compile commands come from (-p, the flags after `--`, a database
// found next to the sources, kbuild's command line) and which of its files a
// run analyses: the files named, the database's files under the directories
// named, and (optionally) files under those directories that the database
// lacks but that can install an mmap hook, with inferred commands.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_COMPILEDATABASE_H
#define MPL_DRIVER_COMPILEDATABASE_H

#include "core/Report.h"
#include "driver/Prefilter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace mpl {

/// Reads compile_commands.json (\p BuildPath is the file or the directory
/// holding it), checked first so that a malformed file gets one line naming
/// it (LLVM's reader is a YAML parser that prints a caret diagnostic naming
/// no file). Files the database lacks get commands inferred from their
/// neighbours. On failure returns null with \p Error set; \p Dir is the
/// database's directory, absolute.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompileDatabase(llvm::StringRef BuildPath, std::string &Dir,
                    std::string &Error);

struct InputFiles {
  std::vector<std::string> Files;
  /// Found by a directory scan, not named by the user nor in the database:
  /// "not analysed" rather than an error when they cannot be.
  std::set<std::string> Optional;
  std::vector<RunError> Errors;
  /// Database entries left out because they are not C (Report::NotC).
  unsigned NotC = 0;
};

/// Does \p Command compile C? Its `-x` language when it names one, else
/// the language of its file's suffix (clang's own table): a full kernel
/// build's database also holds assembler (`.S`) units.
bool compilesC(const clang::tooling::CompileCommand &Command);

/// The files to analyse for the command line's \p Args (files or
/// directories; none: the whole database), in a stable order, without the
/// database's entries that are not C (counted in InputFiles::NotC). With
/// \p ScanMissing, .c files under a named directory that the database lacks
/// are added when their text can spell an ops-table site (\p Site).
InputFiles selectInputFiles(const clang::tooling::CompilationDatabase &DB,
                            const std::vector<std::string> &Args,
                            bool ScanMissing, const SiteWords &Site);

} // namespace mpl

#endif
