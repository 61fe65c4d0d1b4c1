//===- PatchesTest.cpp - the changelog says what the conversion changes ---===//
#include "core/Formats.h"
#include "gtest/gtest.h"

using namespace mpl;

namespace {

std::string mail(const std::string &Before, const std::string &After) {
  PatchInput P;
  P.Prefix = "char: foo";
  P.Callbacks = {"foo_mmap"};
  P.Files.push_back({"drivers/char/foo.c", Before, After});
  return formatPatch(P, "T <t@example.org>", "Thu, 01 Jan 1970", "0.1");
}

bool has(const std::string &Text, const std::string &Part) {
  return Text.find(Part) != std::string::npos;
}

TEST(Patches, AConversionWithoutActionsIsMechanical) {
  std::string M = mail("vm_flags_set(vma, VM_IO);\n",
                       "vma_desc_set_flags(desc, VMA_IO_BIT);\n");
  EXPECT_TRUE(has(M, "No functional change intended."));
  EXPECT_FALSE(has(M, "mmap action, after the hook"));
}

TEST(Patches, AnActionSaysWhenItsFailureIsSeen) {
  std::string M = mail("return remap_pfn_range(vma, a, b, c, d);\n",
                       "mmap_action_remap_full(desc, b);\nreturn 0;\n");
  EXPECT_FALSE(has(M, "No functional change intended."));
  EXPECT_TRUE(has(M, "calling vm_ops->close but not ->mapped"));
  EXPECT_FALSE(has(M, "error_override"));
}

TEST(Patches, AnErrorOverrideSaysWhatItCovers) {
  std::string M = mail("if (io_remap_pfn_range(vma, a, b, c, d))\n"
                       "\treturn -EAGAIN;\n",
                       "mmap_action_ioremap_full(desc, b);\n"
                       "desc->action.error_override = -EAGAIN;\n");
  EXPECT_TRUE(has(M, "action.error_override; it applies to the action's "
                     "completion only"));
}

TEST(Patches, ActionsTheFileAlreadyHadAreNotNews) {
  std::string Same = "mmap_action_remap_full(desc, b);\n";
  std::string M = mail(Same + "vm_flags_set(vma, VM_IO);\n",
                       Same + "vma_desc_set_flags(desc, VMA_IO_BIT);\n");
  EXPECT_TRUE(has(M, "No functional change intended."));
}

TEST(Patches, ASignoffIsTheLastLineBeforeTheDiff) {
  PatchInput P;
  P.Prefix = "char: foo";
  P.SignedOffBy = "T <t@example.org>";
  P.Files.push_back({"drivers/char/foo.c", "a\n", "b\n"});
  std::string M = formatPatch(P, "T <t@example.org>", "Thu", "0.1");
  EXPECT_TRUE(has(M, "\nSigned-off-by: T <t@example.org>\n---\n"));
}

} // namespace
