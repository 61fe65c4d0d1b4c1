//===- ScratchDir.h - a temporary directory of test files -------*- C++ -*-===//
#ifndef MPL_TEST_UNIT_SCRATCHDIR_H
#define MPL_TEST_UNIT_SCRATCHDIR_H

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>

namespace mpl {

/// Created empty, removed with everything in it.
class ScratchDir {
public:
  explicit ScratchDir(llvm::StringRef Prefix = "mpl-unit") {
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory(Prefix, Dir));
  }
  ~ScratchDir() { llvm::sys::fs::remove_directories(Dir); }

  const std::string path() const { return std::string(Dir.str()); }

  /// Writes \p Text to \p Name (parents created) and returns its path.
  std::string write(llvm::StringRef Name, llvm::StringRef Text) const {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC) << Path.str().str();
    OS << Text;
    return std::string(Path.str());
  }

private:
  llvm::SmallString<256> Dir;
};

/// A file of the source tree (a lit test's input, shared with the unit
/// tests so that one fixture serves both).
inline std::string readSourceFile(llvm::StringRef RelPath) {
  auto Buffer = llvm::MemoryBuffer::getFile(MPL_SOURCE_DIR "/" + RelPath);
  EXPECT_TRUE(bool(Buffer)) << RelPath.str();
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

/// A convertible legacy callback (its `.mmap =` on line 18).
inline const char *ConvertibleDriver = "test/checks/bad-input/Inputs/good.c";

/// The compiler flags of the lit tests (%kflags): the mock kernel headers.
inline std::vector<std::string> mockKernelFlags() {
  return {"-nostdinc", "-I" MPL_SOURCE_DIR "/test/Inputs/kernel/include"};
}

} // namespace mpl

#endif
