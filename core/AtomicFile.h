//===- AtomicFile.h - never leave a user's file half-written ----*- C++ -*-===//
#ifndef MPL_CORE_ATOMICFILE_H
#define MPL_CORE_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace mpl {

/// Replaces \p Path with \p Contents through a temporary file in the same
/// directory and a rename, keeping the file's mode. A read-only file is
/// refused, not forced. Returns "" on success, else a one-line reason.
std::string writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents);

} // namespace mpl

#endif
