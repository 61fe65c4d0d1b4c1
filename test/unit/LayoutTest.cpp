#include "rewriters/Layout.h"
#include "clang/Basic/LangOptions.h"
#include <gtest/gtest.h>

using namespace mpl;

namespace {

/// \p Old with [At, At + Length) replaced by \p Text, and the origin of
/// each byte of the result.
std::pair<std::string, std::vector<int>> edited(const std::string &Old,
                                                size_t At, size_t Length,
                                                const std::string &Text) {
  std::string New = Old.substr(0, At) + Text + Old.substr(At + Length);
  std::vector<int> Origin;
  for (size_t I = 0; I < At; ++I)
    Origin.push_back(I);
  Origin.resize(At + Text.size(), -1);
  for (size_t I = At + Length; I < Old.size(); ++I)
    Origin.push_back(I);
  return {New, Origin};
}

std::string layout(const std::string &Old, const std::string &From,
                   const std::string &To, unsigned Width = 80) {
  auto [New, Origin] = edited(Old, Old.find(From), From.size(), To);
  return layoutStatement(Old, New, Origin, Width, clang::LangOptions());
}

} // namespace

TEST(Layout, WidthIsEightyUnlessTheCodeGoesLonger) {
  std::string Long = "\tx = " + std::string(80, 'a') + ";\n";
  EXPECT_EQ(lineWidthOf("int a;\n" + Long + Long), 80u);
  EXPECT_EQ(lineWidthOf(Long + Long + Long), 93u);
  std::string Comment = "\t/* " + std::string(90, 'c') + " */\n";
  EXPECT_EQ(lineWidthOf(Comment + Comment + Comment), 80u);
  std::string VeryLong = "\tx = " + std::string(120, 'a') + ";\n";
  EXPECT_EQ(lineWidthOf(VeryLong + VeryLong + VeryLong), 100u);
}

TEST(Layout, ContinuationFollowsItsParenthesis) {
  std::string Old = "\tvma->vm_pgoff += (start(dev)\n"
                    "\t\t\t  >> PAGE_SHIFT);\n";
  EXPECT_EQ(layout(Old, "vma->vm_pgoff", "desc->pgoff"),
            "\tdesc->pgoff += (start(dev)\n"
            "\t\t\t>> PAGE_SHIFT);\n");
}

TEST(Layout, ContinuationNotAlignedWithAParenthesisStays) {
  std::string Old = "\tvma->vm_pgoff += (start(dev)\n"
                    "\t\t>> PAGE_SHIFT);\n";
  EXPECT_EQ(layout(Old, "vma->vm_pgoff", "desc->pgoff"),
            "\tdesc->pgoff += (start(dev)\n"
            "\t\t>> PAGE_SHIFT);\n");
}

TEST(Layout, LongConditionBreaksAfterItsOutermostOperator) {
  std::string Old = "\tif (fv_seq(file) && (vma->vm_flags & VM_SHARED))\n"
                    "\t\treturn 1;\n";
  EXPECT_EQ(layout(Old, "(vma->vm_flags & VM_SHARED)",
                   "vma_desc_test_all(desc, VMA_SHARED_BIT, VMA_MAYWRITE_BIT)"),
            "\tif (fv_seq(file) &&\n"
            "\t    vma_desc_test_all(desc, VMA_SHARED_BIT, VMA_MAYWRITE_BIT))\n"
            "\t\treturn 1;\n");
}

TEST(Layout, LongCallBreaksBetweenArgumentsUnderItsParenthesis) {
  std::string Old = "\tvm_flags_set(vma, FLAGS);\n";
  EXPECT_EQ(layout(Old, "vm_flags_set(vma, FLAGS)",
                   "vma_desc_set_flags(desc, VMA_IO_BIT, VMA_PFNMAP_BIT, "
                   "VMA_DONTEXPAND_BIT, VMA_DONTDUMP_BIT)"),
            "\tvma_desc_set_flags(desc, VMA_IO_BIT, VMA_PFNMAP_BIT, "
            "VMA_DONTEXPAND_BIT,\n"
            "\t\t\t   VMA_DONTDUMP_BIT);\n");
}

TEST(Layout, LineAlreadyThatWideStays) {
  std::string Old = "\tif (ring(dev, vma->vm_pgoff) && ring(dev, "
                    "dev->mem_base + dev->bar_start + dev->other))\n";
  std::string New = "\tif (ring(dev, desc->pgoff) && ring(dev, "
                    "dev->mem_base + dev->bar_start + dev->other))\n";
  EXPECT_EQ(layout(Old, "vma->vm_pgoff", "desc->pgoff"), New);
}

TEST(Layout, CommentsAndDirectivesAreLeftAlone) {
  std::string Old = "\tfoo(vma->vm_pgoff, /* a comment that runs\n"
                    "\t\t    on */ 1,\n"
                    "#ifdef X\n"
                    "\t    2);\n";
  EXPECT_EQ(layout(Old, "vma->vm_pgoff", "desc->pgoff"),
            "\tfoo(desc->pgoff, /* a comment that runs\n"
            "\t\t    on */ 1,\n"
            "#ifdef X\n"
            "\t    2);\n");
}

TEST(Layout, TwoLinesThatFitBeatThree) {
  std::string Old = "\tremap(vma, pfn);\n";
  EXPECT_EQ(layout(Old, "remap(vma, pfn)",
                   "mmap_action_remap_full(desc, (lpc_ctrl->mem_base >> "
                   "PAGE_SHIFT) + desc->pgoff)"),
            "\tmmap_action_remap_full(desc, (lpc_ctrl->mem_base >> "
            "PAGE_SHIFT) +\n"
            "\t\t\t       desc->pgoff);\n");
}
