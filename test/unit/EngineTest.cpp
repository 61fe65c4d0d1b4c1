//===- EngineTest.cpp - the analyser and rewriter on in-memory code -------===//
//
// As clang-tidy's runCheckOnCode: a snippet is parsed with the mock kernel
// headers, analysed by the engine every front end calls, its fix applied
// and the result parsed and analysed again.
//
//===----------------------------------------------------------------------===//
#include "core/Engine.h"
#include "ScratchDir.h"
#include "core/EditApplier.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace mpl;

namespace {

struct Analysis {
  std::unique_ptr<clang::ASTUnit> AST;
  TranslationUnitResult Result;
  bool CompilerErrors = false;

  const Finding *find(llvm::StringRef Check, unsigned Line) const {
    for (const Finding &F : Result.Findings)
      if (F.Check == Check && F.Where.Line == Line)
        return &F;
    return nullptr;
  }
  /// The code with every edit of the unit applied.
  std::string fixed(llvm::StringRef Code) const {
    std::vector<Edit> Edits;
    for (const Finding &F : Result.Findings)
      Edits.insert(Edits.end(), F.Fix.begin(), F.Fix.end());
    // The virtual file is named by its absolute path.
    std::vector<Edit> Mine;
    for (auto &[File, FileEdits] : groupEditsByFile(Edits))
      if (llvm::StringRef(File).ends_with("/input.c"))
        Mine = FileEdits;
    ApplyResult Applied = applyEdits(Code, Mine);
    EXPECT_EQ(Applied.Error, "");
    return Applied.Text;
  }
};

Analysis analyze(llvm::StringRef Code, EngineOptions Opts = EngineOptions()) {
  Analysis A;
  std::vector<std::string> Args = mockKernelFlags();
  Args.push_back("-std=gnu11");
  // Compiler errors are part of what a test asserts, not output.
  static clang::IgnoringDiagConsumer Quiet;
  A.AST = clang::tooling::buildASTFromCodeWithArgs(
      Code, Args, "input.c", "mmap-prepare-lint-test",
      std::make_shared<clang::PCHContainerOperations>(),
      clang::tooling::getClangStripDependencyFileAdjuster(), {}, &Quiet);
  EXPECT_TRUE(A.AST);
  if (!A.AST)
    return A;
  A.CompilerErrors = A.AST->getDiagnostics().hasErrorOccurred();
  A.Result = analyzeTranslationUnit(A.AST->getASTContext(), Opts);
  return A;
}

const char *Converted = R"(// A convertible callback (cli-tree tests).
#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long cv_pfn;

static int cv_mmap_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_pages(desc) > 4)
		return -EINVAL;
	vma_desc_set_flags(desc, VMA_IO_BIT, VMA_DONTEXPAND_BIT);
	mmap_action_remap_full(desc, cv_pfn);
	return 0;
}

static const struct file_operations cv_fops = {
	.mmap_prepare = cv_mmap_prepare,
};
)";

TEST(Engine, ConvertsALegacyCallbackAndTheResultIsSilent) {
  std::string Legacy = readSourceFile(ConvertibleDriver);
  Analysis A = analyze(Legacy);
  ASSERT_FALSE(A.CompilerErrors);
  const Finding *Hook = A.find(check::LegacyHook, 18);
  ASSERT_TRUE(Hook);
  EXPECT_EQ(Hook->Callback, "cv_mmap");
  EXPECT_EQ(Hook->Class, Classification::Convertible);
  EXPECT_TRUE(Hook->Fixable);
  const Finding *Flags = A.find(check::VmFlags, 11);
  ASSERT_TRUE(Flags);
  EXPECT_EQ(Flags->Message, "VMA flags are set on the descriptor by bit "
                            "number: vma_desc_set_flags(desc, VMA_IO_BIT, "
                            "VMA_DONTEXPAND_BIT)");

  std::string Fixed = A.fixed(Legacy);
  EXPECT_EQ(Fixed, Converted);
  Analysis Again = analyze(Fixed);
  EXPECT_FALSE(Again.CompilerErrors);
  EXPECT_TRUE(Again.Result.Findings.empty());
}

TEST(Engine, TheSuffixNamesTheConvertedCallback) {
  std::string Legacy = readSourceFile(ConvertibleDriver);
  EngineOptions Opts;
  Opts.Suffix = "_desc";
  Analysis A = analyze(Legacy, Opts);
  EXPECT_NE(A.fixed(Legacy).find(".mmap_prepare = cv_mmap_desc,"),
            std::string::npos);
}

TEST(Engine, AVmaThatEscapesBlocksTheCallbackWithoutAnEdit) {
  const char *Code = R"(#include <linux/fs.h>
#include <linux/mm.h>

struct vm_area_struct *last_vma;

static int keep_mmap(struct file *file, struct vm_area_struct *vma)
{
	last_vma = vma;
	return 0;
}

static const struct file_operations keep_fops = {
	.mmap = keep_mmap,
};
)";
  Analysis A = analyze(Code);
  ASSERT_FALSE(A.CompilerErrors);
  const Finding *Hook = A.find(check::LegacyHook, 13);
  ASSERT_TRUE(Hook);
  EXPECT_EQ(Hook->Class, Classification::Blocked);
  EXPECT_FALSE(Hook->Fixable);
  EXPECT_TRUE(Hook->Fix.empty());
  EXPECT_EQ(Hook->Reasons, std::vector<std::string>{"stores-vma"});
}

TEST(Engine, ARemapBeyondTheMappingIsReportedOnAPrepareHook) {
  const char *Code = R"(#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long base_pfn;

static int big_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap(desc, desc->start, base_pfn, 2 * PAGE_SIZE);
	return 0;
}

static const struct file_operations big_fops = {
	.mmap_prepare = big_prepare,
};
)";
  Analysis A = analyze(Code);
  ASSERT_FALSE(A.CompilerErrors);
  ASSERT_EQ(A.Result.Findings.size(), 1u);
  EXPECT_EQ(A.Result.Findings[0].Check, check::RemapRange);
  EXPECT_EQ(A.Result.Findings[0].Where.Line, 8u);
}

TEST(Engine, NothingIsConvertedInAUnitWithCompilerErrors) {
  std::string Code = readSourceFile(ConvertibleDriver) + "int broken = ;\n";
  Analysis A = analyze(Code);
  ASSERT_TRUE(A.CompilerErrors);
  const Finding *Hook = A.find(check::LegacyHook, 18);
  ASSERT_TRUE(Hook);
  EXPECT_EQ(Hook->Class, Classification::Manual);
  EXPECT_EQ(Hook->Reasons, std::vector<std::string>{"does-not-compile"});
  for (const Finding &F : A.Result.Findings) {
    EXPECT_FALSE(F.Fixable) << F.Message;
    EXPECT_TRUE(F.Fix.empty()) << F.Message;
  }
}

TEST(Engine, DisabledChecksReportNothing) {
  EngineOptions Opts;
  Opts.Checks = CheckFilter("-*,mmap-prepare-vm-flags");
  Analysis A = analyze(readSourceFile(ConvertibleDriver), Opts);
  ASSERT_FALSE(A.Result.Findings.empty());
  for (const Finding &F : A.Result.Findings)
    EXPECT_EQ(F.Check, check::VmFlags);
}

} // namespace
