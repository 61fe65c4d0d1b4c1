//===- PrefilterTest.cpp - which units must be parsed ---------------------===//
#include "driver/Prefilter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace mpl;

namespace {

class PrefilterTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("mpl-prefilter", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(const char *Name, llvm::StringRef Text) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
    return std::string(Path);
  }

  bool mustAnalyse(const std::string &File) {
    Prefilter P(defaultPrefilterKeywords(), SiteWords());
    clang::tooling::CompileCommand C(
        std::string(Dir), File, {"cc", "-c", "-I" + std::string(Dir), File},
        "");
    return P.mustAnalyse(C);
  }

  llvm::SmallString<128> Dir;
};

TEST_F(PrefilterTest, AUnitThatNamesNothingIsSkipped) {
  EXPECT_FALSE(mustAnalyse(write("plain.c", "int add(int a, int b)\n"
                                            "{\n\treturn a + b;\n}\n")));
}

TEST_F(PrefilterTest, AnOpsTableWithAnMmapSlotIsParsed) {
  EXPECT_TRUE(
      mustAnalyse(write("table.c", "static const struct file_operations f = {\n"
                                   "\t.mmap = f_mmap,\n};\n")));
}

TEST_F(PrefilterTest, AHeaderThatCanSpellASiteCounts) {
  write("fops.h",
        "#define DEFINE_FOPS(name, fn) \\\n"
        "\tstatic const struct file_operations name = { .mmap = fn }\n");
  EXPECT_TRUE(mustAnalyse(write("user.c", "#include \"fops.h\"\n"
                                          "int f(void) { return 0; }\n")));
}

TEST_F(PrefilterTest, AHeaderThatOnlyMentionsFlagsDoesNot) {
  // Kernel headers mention VM_ and mmap everywhere; only a site matters.
  write("flags.h", "#define MY_FLAGS (VM_IO | VM_DONTEXPAND)\n"
                   "int do_mmap(void);\n");
  EXPECT_FALSE(mustAnalyse(write("user.c", "#include \"flags.h\"\n"
                                           "int f(void) { return 0; }\n")));
}

TEST_F(PrefilterTest, AComputedIncludeIsADoubtAndParsed) {
  EXPECT_TRUE(mustAnalyse(write("computed.c", "#define HDR \"x.h\"\n"
                                              "#include HDR\n")));
}

} // namespace
