#include "matchers/VmaFlags.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <gtest/gtest.h>

using namespace clang;
using namespace mpl;

namespace {

const char *Header = R"(
#define BIT(n) (1UL << (n))
#define VM_NONE 0
#define VM_READ BIT(0)
#define VM_WRITE BIT(1)
#define VM_SHARED BIT(3)
#define VM_PFNMAP BIT(10)
#define VM_IO BIT(14)
#define VM_DONTEXPAND BIT(18)
#define VM_DONTDUMP BIT(26)
#define VM_SOFTDIRTY VM_NONE
#define VM_REMAP_FLAGS (VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP)
#define MY_FLAGS (VM_IO | VM_DONTEXPAND)
#define MY_ODD_FLAGS (1UL << 60)
)";

MaskDecomposition decompose(const std::string &Mask,
                            std::unique_ptr<ASTUnit> &Keep) {
  Keep = tooling::buildASTFromCodeWithArgs(
      std::string(Header) + "unsigned long m = " + Mask + ";", {"-xc"});
  for (Decl *D : Keep->getASTContext().getTranslationUnitDecl()->decls())
    if (auto *VD = dyn_cast<VarDecl>(D); VD && VD->getName() == "m")
      return decomposeMask(VD->getInit(), Keep->getASTContext());
  ADD_FAILURE() << "no variable";
  return {};
}

} // namespace

TEST(VmaFlags, TableMapsSingleBits) {
  EXPECT_EQ(legacyFlagBit("VM_IO"), 14u);
  EXPECT_EQ(legacyFlagBit("VM_MIXEDMAP"), 28u);
  EXPECT_FALSE(legacyFlagBit("VM_SPECIAL"));
  EXPECT_EQ(bitEnumeratorFor("VM_DONTDUMP"), "VMA_DONTDUMP_BIT");
}

TEST(VmaFlags, OrOfNamesBecomesBitList) {
  std::unique_ptr<ASTUnit> AST;
  MaskDecomposition D = decompose("VM_IO | VM_DONTEXPAND | VM_DONTDUMP", AST);
  ASSERT_TRUE(D.ok()) << D.Problem;
  EXPECT_EQ(D.Bits,
            (std::vector<std::string>{"VMA_IO_BIT", "VMA_DONTEXPAND_BIT",
                                      "VMA_DONTDUMP_BIT"}));
}

TEST(VmaFlags, CompositeMaskExpands) {
  std::unique_ptr<ASTUnit> AST;
  MaskDecomposition D = decompose("VM_REMAP_FLAGS | VM_IO", AST);
  ASSERT_TRUE(D.ok()) << D.Problem;
  EXPECT_EQ(D.Bits, (std::vector<std::string>{"VMA_IO_BIT", "VMA_PFNMAP_BIT",
                                              "VMA_DONTEXPAND_BIT",
                                              "VMA_DONTDUMP_BIT"}));
}

TEST(VmaFlags, ConfigDependentZeroFlagIsRefused) {
  std::unique_ptr<ASTUnit> AST;
  MaskDecomposition D = decompose("VM_IO | VM_SOFTDIRTY", AST);
  EXPECT_FALSE(D.ok());
  EXPECT_NE(D.Problem.find("VM_SOFTDIRTY"), std::string::npos) << D.Problem;
}

TEST(VmaFlags, DriverMacroIsExpandedByValue) {
  std::unique_ptr<ASTUnit> AST;
  MaskDecomposition D = decompose("MY_FLAGS", AST);
  ASSERT_TRUE(D.ok()) << D.Problem;
  EXPECT_EQ(D.Bits,
            (std::vector<std::string>{"VMA_IO_BIT", "VMA_DONTEXPAND_BIT"}));
}

TEST(VmaFlags, DriverMacroWithoutFlagBitsIsRefused) {
  std::unique_ptr<ASTUnit> AST;
  MaskDecomposition D = decompose("MY_ODD_FLAGS", AST);
  EXPECT_FALSE(D.ok());
  EXPECT_NE(D.Problem.find("MY_ODD_FLAGS"), std::string::npos) << D.Problem;
}

TEST(VmaFlags, NoneIsEmpty) {
  std::unique_ptr<ASTUnit> AST;
  MaskDecomposition D = decompose("VM_NONE", AST);
  EXPECT_TRUE(D.ok());
  EXPECT_TRUE(D.Empty);
}

TEST(VmaFlags, IntegerLiteralIsRefused) {
  std::unique_ptr<ASTUnit> AST;
  MaskDecomposition D = decompose("0x4000", AST);
  EXPECT_FALSE(D.ok());
}
