//===- CompileCommandsTest.cpp - GCC-built commands made clang-19's ------===//
#include "driver/CompileCommands.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace mpl;

namespace {

bool has(const std::vector<std::string> &V, const std::string &S) {
  return std::find(V.begin(), V.end(), S) != V.end();
}

TEST(CompileCommands, TargetFromCrossCompilerName) {
  EXPECT_EQ(targetFromCompilerName("aarch64-linux-gnu-gcc"),
            "aarch64-linux-gnu");
  EXPECT_EQ(targetFromCompilerName("/usr/bin/riscv64-linux-gnu-gcc-12"),
            "riscv64-linux-gnu");
  EXPECT_EQ(targetFromCompilerName("gcc"), "");
  EXPECT_EQ(targetFromCompilerName("clang"), "");
}

TEST(CompileCommands, GccOnlyFlagsAreDroppedAndNamed) {
  CommandSanitizer S("", "/usr/lib/llvm-19/bin/clang", /*Probe=*/false);
  std::vector<std::string> Dropped;
  std::vector<std::string> Out =
      S.sanitize({"gcc", "-c", "-fconserve-stack", "-mindirect-branch=thunk",
                  "-O2", "-Iinclude", "drivers/char/mem.c"},
                 &Dropped);
  EXPECT_FALSE(has(Out, "-fconserve-stack"));
  EXPECT_FALSE(has(Out, "-mindirect-branch=thunk"));
  EXPECT_TRUE(has(Out, "-O2"));
  EXPECT_TRUE(has(Out, "-Iinclude"));
  EXPECT_TRUE(has(Out, "drivers/char/mem.c"));
  EXPECT_TRUE(has(Dropped, "-fconserve-stack"));
  EXPECT_TRUE(has(Dropped, "-mindirect-branch=thunk"));
}

} // namespace
