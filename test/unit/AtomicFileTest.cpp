#include "core/AtomicFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace mpl;

namespace {
class AtomicFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("mpl-atomic", Dir));
    Path = (Dir + "/drv.c").str();
  }
  void TearDown() override {
    ::chmod(Path.c_str(), 0644);
    llvm::sys::fs::remove_directories(Dir);
  }
  void write(const std::string &Text, mode_t Mode) {
    FILE *F = fopen(Path.c_str(), "w");
    fputs(Text.c_str(), F);
    fclose(F);
    ::chmod(Path.c_str(), Mode);
  }
  std::string read() {
    return (*llvm::MemoryBuffer::getFile(Path))->getBuffer().str();
  }
  unsigned entries() {
    std::error_code EC;
    unsigned N = 0;
    for (llvm::sys::fs::directory_iterator I(Dir, EC), E; I != E && !EC;
         I.increment(EC))
      ++N;
    return N;
  }
  llvm::SmallString<128> Dir;
  std::string Path;
};
} // namespace

TEST_F(AtomicFileTest, ReplacesContentsAndKeepsMode) {
  write("old\n", 0750);
  EXPECT_EQ(writeFileAtomically(Path, "new\n"), "");
  EXPECT_EQ(read(), "new\n");
  struct stat St;
  ASSERT_EQ(::stat(Path.c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 07777, 0750u);
  EXPECT_EQ(entries(), 1u) << "no temporary file may be left behind";
}

TEST_F(AtomicFileTest, ReadOnlyFileIsRefusedAndUntouched) {
  write("old\n", 0444);
  EXPECT_NE(writeFileAtomically(Path, "new\n"), "");
  EXPECT_EQ(read(), "old\n");
}

TEST_F(AtomicFileTest, MissingFileIsAnError) {
  EXPECT_NE(writeFileAtomically(Path + ".missing", "x"), "");
  EXPECT_EQ(entries(), 0u);
}
