//===- PatchSeries.h - --patches: git format-patch mails --------*- C++ -*-===//
//
// One mail per change: a file, or the files a callback converted across
// units touches (they apply together or not at all). Subject prefixes come
// from the file's git history, or its path.
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

/// Writes the mails of \p ChangeSets (files of \p Rewrites) into \p Dir.
/// \p FallbackRoot is the tree's top when git does not know it. Files that
/// cannot be written become errors of \p Out.
void writePatchSeries(llvm::StringRef Dir,
                      const std::map<std::string, FileRewrite> &Rewrites,
                      const std::vector<std::vector<std::string>> &ChangeSets,
                      llvm::StringRef FallbackRoot, Report &Out);

} // namespace mpl

#endif
