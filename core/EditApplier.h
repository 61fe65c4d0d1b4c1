//===- EditApplier.h - merge and apply edits to file contents ---*- C++ -*-===//
#ifndef MPL_CORE_EDITAPPLIER_H
#define MPL_CORE_EDITAPPLIER_H

#include "rewriters/Edit.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <string>
#include <vector>

namespace mpl {

/// Edits grouped by file, identical edits merged (several translation units
/// converting one shared header produce the same edit).
std::map<std::string, std::vector<Edit>>
groupEditsByFile(const std::vector<Edit> &Edits);

struct ApplyResult {
  std::string Text;
  /// Non-empty when edits overlap or fall outside the file: nothing applied.
  std::string Error;
};

/// Applies sorted, de-duplicated edits of one file; refuses all of them when
/// any two overlap.
ApplyResult applyEdits(llvm::StringRef Original, std::vector<Edit> Edits);

} // namespace mpl

#endif
