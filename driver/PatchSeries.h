//===- PatchSeries.h - --patches: git format-patch mails --------*- C++ -*-===//
//
// One mail per change: a file, or the files a callback converted across
// units touches (they apply together or not at all). Subject prefixes come
// from the file's git history, or its path; recipients from the tree's
// get_maintainer.pl, which also decides which mails form a series.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_PATCHSERIES_H
#define MPL_DRIVER_PATCHSERIES_H

#include "core/Report.h"
#include "driver/Runner.h"
#include <map>
#include <string>
#include <vector>

namespace mpl {

struct PatchOptions {
  /// --patches: where the mails go.
  std::string Dir;
  /// --author: "Name <email>"; empty: the tree's git identity.
  std::string Author;
  /// --signoff: a Signed-off-by: trailer of the author, as
  /// `git format-patch -s` writes it.
  bool Signoff = false;
  /// The engine's --suffix: the converted hooks' names in cover letters.
  std::string Suffix = "_prepare";
};

/// The top of the source tree holding \p File: its git work tree, or the
/// nearest directory whose Makefile is the kernel's top-level one (it sets
/// VERSION and PATCHLEVEL). Empty when neither is found. Real paths.
std::string treeRootOf(llvm::StringRef File);

/// The mails' author: \p Explicit (--author), else GIT_AUTHOR_NAME and
/// GIT_AUTHOR_EMAIL, else `git config user.name`/`user.email` as seen from
/// \p Root. Never made up: empty, with \p Error saying how to set one.
std::string patchAuthor(llvm::StringRef Explicit, llvm::StringRef Root,
                        std::string &Error);

/// \p Path relative to \p Root when it lies inside it (both resolved to
/// real paths), else \p Path.
std::string pathInTree(llvm::StringRef Path, llvm::StringRef Root);

/// Writes the mails of \p ChangeSets (files of \p Rewrites) into
/// Opts.Dir, one directory per series (docs/ci.md): the patches with the
/// same To: (get_maintainer.pl's maintainers), or without it the same
/// subject prefix, numbered, under a cover letter when there are two or
/// more. \p FallbackRoot is the tree's top when neither git nor a kernel
/// Makefile names one. Files that cannot be written, a failing
/// get_maintainer.pl and a missing author become errors of \p Out; a tree
/// without get_maintainer.pl a note.
void writePatchSeries(const PatchOptions &Opts,
                      const std::map<std::string, FileRewrite> &Rewrites,
                      const std::vector<std::vector<std::string>> &ChangeSets,
                      llvm::StringRef FallbackRoot, Report &Out);

} // namespace mpl

#endif
