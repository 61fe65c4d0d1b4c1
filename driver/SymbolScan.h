//===- SymbolScan.h - where a tree names a function, by text ----*- C++ -*-===//
//
// A callback defined in one translation unit and installed in another is
// converted across both. Which files define it and which other files name it
// is found here, by a token scan of the C sources (comments, strings and
// character literals skipped), without compiling anything: cheap enough to
// run over a whole kernel tree once per run.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_SYMBOLSCAN_H
#define MPL_DRIVER_SYMBOLSCAN_H

#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace mpl {

struct SymbolMention {
  enum Kind {
    Use,              // any other appearance (calls, tables, macro bodies)
    Declaration,      // a top-level prototype: `int fn(...);`
    Definition,       // a top-level definition with external linkage
    StaticDefinition, // `static ... fn(...) {`: another function of that name
  };
  std::string File;
  unsigned Line = 0, Column = 0;
  Kind K = Use;
};

/// The scan's scope for \p File: the top of the kernel tree that holds it
/// (a directory with Kbuild, Makefile and include/linux), scanned
/// recursively, or else just the file's own directory.
struct ScanScope {
  std::vector<std::string> Dirs;
  bool Recursive = false;
  std::string describe() const;
};
ScanScope scanScopeFor(llvm::StringRef File);

/// Every mention of \p Names in the .c and .h files of \p Scope (a kernel
/// tree's tools/, Documentation/ and dot directories are skipped), by name.
std::map<std::string, std::vector<SymbolMention>>
scanForSymbols(const ScanScope &Scope, const std::set<std::string> &Names);

/// The mentions of \p Names in one buffer (exposed for tests).
std::vector<std::pair<std::string, SymbolMention>>
scanBuffer(llvm::StringRef Path, llvm::StringRef Text,
           const std::set<std::string> &Names);

} // namespace mpl

#endif
