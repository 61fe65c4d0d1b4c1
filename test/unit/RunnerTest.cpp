//===- RunnerTest.cpp - the tree runner on real files, in workers ---------===//
#include "driver/Runner.h"
#include "ScratchDir.h"
#include "driver/CompileCommands.h"
#include "gtest/gtest.h"

using namespace mpl;

namespace {

const char *Broken = R"(#include <linux/fs.h>

static int broken_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0
}

static const struct file_operations broken_fops = {
	.mmap = broken_mmap,
};
)";

class RunnerTest : public ::testing::Test {
protected:
  RunnerTest()
      : DB(Dir.path(), mockKernelFlags()),
        Sanitizer("", MPL_CLANG_BINARY, /*Probe=*/false) {
    Opts.Jobs = 2;
  }

  const Finding *legacyHook(const Report &R, const std::string &Callback) {
    for (const Finding &F : R.Findings)
      if (F.Check == check::LegacyHook && F.Callback == Callback)
        return &F;
    return nullptr;
  }

  ScratchDir Dir;
  clang::tooling::FixedCompilationDatabase DB;
  CommandSanitizer Sanitizer;
  RunnerOptions Opts;
};

TEST_F(RunnerTest, ConvertsAndReparsesAConvertibleCallback) {
  std::string File = Dir.write("cv.c", readSourceFile(ConvertibleDriver));
  Opts.CollectFixes = true;
  Runner Run(DB, Opts, Sanitizer);
  Report R = Run.analyze({File});
  EXPECT_TRUE(R.Errors.empty());
  EXPECT_EQ(R.TranslationUnits, 1u);
  const Finding *F = legacyHook(R, "cv_mmap");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->Class, Classification::Convertible);
  EXPECT_TRUE(F->Fixable);

  std::map<std::string, FileRewrite> Rewrites = Run.prepareRewrites(R);
  EXPECT_TRUE(R.Errors.empty());
  ASSERT_EQ(Rewrites.count(File), 1u);
  EXPECT_EQ(Rewrites[File].Before, readSourceFile(ConvertibleDriver));
  EXPECT_NE(Rewrites[File].After.find(".mmap_prepare = cv_mmap_prepare,"),
            std::string::npos);
  EXPECT_EQ(Run.changeSets(Rewrites),
            std::vector<std::vector<std::string>>{{File}});
}

TEST_F(RunnerTest, AUnitThatDoesNotCompileIsManualWithoutFixes) {
  std::string Good = Dir.write("cv.c", readSourceFile(ConvertibleDriver));
  std::string Bad = Dir.write("broken.c", Broken);
  Opts.CollectFixes = true;
  Runner Run(DB, Opts, Sanitizer);
  Report R = Run.analyze({Bad, Good});
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_EQ(R.Errors[0].File, Bad);
  EXPECT_NE(R.Errors[0].Message.find("1 compiler error"), std::string::npos);
  const Finding *F = legacyHook(R, "broken_mmap");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->Class, Classification::Manual);
  EXPECT_EQ(F->Reasons, std::vector<std::string>{"does-not-compile"});
  EXPECT_FALSE(F->Fixable);
  std::map<std::string, FileRewrite> Rewrites = Run.prepareRewrites(R);
  EXPECT_EQ(Rewrites.count(Bad), 0u);
  EXPECT_EQ(Rewrites.count(Good), 1u);
}

TEST_F(RunnerTest, ThePrefilterSkipsUnitsThatCannotHoldAFinding) {
  std::string Plain = Dir.write("plain.c", "int add(int a, int b)\n"
                                           "{\n\treturn a + b;\n}\n");
  Runner Run(DB, Opts, Sanitizer);
  Report R = Run.analyze({Plain});
  EXPECT_EQ(R.Skipped, 1u);
  EXPECT_EQ(R.TranslationUnits, 0u);
  Opts.Prefilter = false;
  Runner Everything(DB, Opts, Sanitizer);
  R = Everything.analyze({Plain});
  EXPECT_EQ(R.Skipped, 0u);
  EXPECT_EQ(R.TranslationUnits, 1u);
  EXPECT_TRUE(R.Findings.empty());
}

TEST_F(RunnerTest, BadInputIsAnErrorNamingTheFileAndTheRunGoesOn) {
  std::string Good = Dir.write("cv.c", readSourceFile(ConvertibleDriver));
  std::string Binary = Dir.write("bin.c", llvm::StringRef("a\0b", 3));
  Runner Run(DB, Opts, Sanitizer);
  Report R = Run.analyze({Dir.path() + "/none.c", Binary, Good});
  ASSERT_EQ(R.Errors.size(), 2u);
  EXPECT_EQ(R.Errors[0].Message, "no such file");
  EXPECT_EQ(R.Errors[1].File, Binary);
  EXPECT_TRUE(legacyHook(R, "cv_mmap"));
}

TEST_F(RunnerTest, FilesFoundByAScanAreNotAnalysedRatherThanErrors) {
  std::string Bad = Dir.write("broken.c", Broken);
  Runner Run(DB, Opts, Sanitizer);
  Report R = Run.analyze({Bad}, {Bad});
  EXPECT_TRUE(R.Errors.empty());
  ASSERT_EQ(R.NotAnalysed.size(), 1u);
  EXPECT_EQ(R.NotAnalysed[0].File, Bad);
}

} // namespace
