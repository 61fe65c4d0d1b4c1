//===- UnifiedDiff.h - `diff -u` output for --diff --------------*- C++ -*-===//
#ifndef MPL_CORE_UNIFIEDDIFF_H
#define MPL_CORE_UNIFIEDDIFF_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace mpl {

/// A unified diff (3 lines of context) from \p Before to \p After with the
/// given header names (`a/drivers/foo.c`, `b/drivers/foo.c`); "" if equal.
std::string unifiedDiff(llvm::StringRef OldName, llvm::StringRef NewName,
                        llvm::StringRef Before, llvm::StringRef After,
                        unsigned Context = 3);

} // namespace mpl

#endif
