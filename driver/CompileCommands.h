//===- CompileCommands.h - make any compile command clang-19's -*- C++ -*-===//
//
// Kernel compile databases are often written by a GCC build, with flags
// clang rejects, and by a cross compiler whose target clang must be told.
// Every command the runner uses passes through here first:
//   - flags in a maintained table of GCC-only flags are dropped;
//   - every other -f/-m flag, and any flag clang's driver does not know, is
//     probed once (`clang-19 --target=<t> -fsyntax-only -x c /dev/null
//     <flag>`); the verdict is cached on disk and a rejected flag dropped;
//   - a cross-compiler prefix (aarch64-linux-gnu-gcc) becomes --target=;
//   - dependency-file output (-MD, -Wp,-MMD,...) is removed, so a run never
//     writes next to the build's own .d files.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_COMPILECOMMANDS_H
#define MPL_DRIVER_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <string>
#include <vector>

namespace mpl {

/// GCC-only flags clang-19 rejects; a trailing '*' matches any suffix.
const std::vector<std::string> &gccOnlyFlags();

class CommandSanitizer {
public:
  /// \p CacheDir holds the probe verdicts ("" : keep them in memory only);
  /// \p Clang is the compiler that probes.
  CommandSanitizer(std::string CacheDir, std::string Clang, bool Probe = true);
  ~CommandSanitizer();

  /// The command clang-19 can run: flags dropped, --target added. \p Dropped
  /// receives the removed flags.
  std::vector<std::string>
  sanitize(const std::vector<std::string> &Args,
           std::vector<std::string> *Dropped = nullptr);

private:
  bool accepted(const std::string &Target, const std::string &Flag);
  void load();
  void save();

  std::string CacheFile, Clang;
  bool Probe;
  bool Dirty = false;
  /// "target\tflag" -> accepted.
  std::map<std::string, bool> Verdicts;
};

/// The --target a cross compiler's name implies ("aarch64-linux-gnu-gcc" ->
/// "aarch64-linux-gnu"), or "".
std::string targetFromCompilerName(llvm::StringRef Argv0);

/// A database of exactly one command (kbuild mode, and each worker).
class SingleCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(clang::tooling::CompileCommand C)
      : Command(std::move(C)) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override;
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  clang::tooling::CompileCommand Command;
};

/// The default cache directory: $XDG_CACHE_HOME/mmap-prepare-lint or
/// ~/.cache/mmap-prepare-lint.
std::string defaultCacheDir();

} // namespace mpl

#endif
