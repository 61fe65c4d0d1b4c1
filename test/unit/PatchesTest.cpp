//===- PatchesTest.cpp - the changelog says what the conversion changes ---===//
#include "core/Formats.h"
#include "llvm/ADT/StringExtras.h"
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

TEST(Patches, WhatTheAnalysisNotedBecomesSentences) {
  PatchInput P;
  P.Prefix = "soc: aspeed";
  P.Callbacks = {"lpc_mmap"};
  P.Changes = {"the old code passed remap_pfn_range() a page protection of "
               "its own and left vm_page_prot as it was; the action maps with "
               "desc->page_prot, so the VMA's page protection now changes to "
               "that value too",
               "vma_foo() is a clause of its own"};
  P.Files.push_back({"drivers/soc/aspeed/lpc.c",
                     "prot = pgprot_noncached(prot);\n",
                     "desc->page_prot = pgprot_noncached(desc->page_prot);\n"});
  std::string M =
      formatPatch(P, "T <t@example.org>", "Thu, 01 Jan 1970", "0.1");
  EXPECT_FALSE(has(M, "No functional change intended.")) << M;
  EXPECT_TRUE(has(M, "\nThe old code passed remap_pfn_range() a page "
                     "protection of its own and\nleft vm_page_prot as it was;"))
      << M;
  EXPECT_TRUE(has(M, "\nvma_foo() is a clause of its own.\n")) << M;
  EXPECT_TRUE(has(M, "changes to that value too.\n")) << M;
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

TEST(Patches, LongCallbackNamesAreWrapped) {
  PatchInput P;
  P.Prefix = "hv: mshv_vtl_main";
  P.Callbacks = {"mshv_vtl_mmap", "mshv_vtl_low_mmap"};
  P.Files.push_back({"drivers/hv/mshv_vtl_main.c", "a\n", "b\n"});
  std::string M = formatPatch(P, "T <t@example.org>", "Thu", "0.1");
  EXPECT_TRUE(has(M, "\nConvert mshv_vtl_mmap(), mshv_vtl_low_mmap() to "
                     "mmap_prepare: VMA fields\nbecome descriptor fields,"));
  size_t Start = M.find("\n\n");
  std::string Body = M.substr(Start, M.find("\n---\n") - Start);
  for (llvm::StringRef Line : llvm::split(Body, '\n'))
    EXPECT_LE(Line.size(), 75u) << Line.str();
  EXPECT_EQ(wrapParagraph("aa bb cc", 5), "aa bb\ncc");
  EXPECT_EQ(wrapParagraph("aaaaaaa b", 5), "aaaaaaa\nb");
}

// get_maintainer.pl --roles --no-rolestats, as Linux 7.3 prints it for
// drivers/soc/aspeed, plus the forms other sections give.
const char *AspeedOutput =
    "Joel Stanley <joel@jms.id.au> (maintainer:ARM/ASPEED MACHINE SUPPORT)\n"
    "Ryan Chen <ryan_chen@aspeedtech.com> (reviewer:ARM/ASPEED MACHINE "
    "SUPPORT)\n"
    "linux-aspeed@lists.ozlabs.org (moderated list:ARM/ASPEED MACHINE "
    "SUPPORT)\n"
    "Liam Girdwood <lgirdwood@gmail.com> (supporter:SOUND - SOC LAYER / "
    "DYNAMIC AUDIO POWER MANAGEMENT (ASoC))\n"
    "linux-kernel@vger.kernel.org (open list)\n";

TEST(Recipients, MaintainersAreToEveryoneElseCc) {
  Recipients R = parseGetMaintainer(AspeedOutput);
  EXPECT_EQ(R.To, std::vector<std::string>{"Joel Stanley <joel@jms.id.au>"});
  EXPECT_EQ(R.Cc,
            (std::vector<std::string>{"Ryan Chen <ryan_chen@aspeedtech.com>",
                                      "linux-aspeed@lists.ozlabs.org",
                                      "Liam Girdwood <lgirdwood@gmail.com>",
                                      "linux-kernel@vger.kernel.org"}));
}

TEST(Recipients, SupportersAreToWhenNoSectionHasAMaintainer) {
  Recipients R =
      parseGetMaintainer("A B <ab@corp.example> (supporter:CORP DRIVER)\n"
                         "C <c@corp.example> (reviewer:CORP DRIVER)\n"
                         "corp@lists.example (open list:CORP DRIVER)\n");
  EXPECT_EQ(R.To, std::vector<std::string>{"A B <ab@corp.example>"});
  EXPECT_EQ(R.Cc, (std::vector<std::string>{"C <c@corp.example>",
                                            "corp@lists.example"}));
}

TEST(Recipients, OddFixersAreMaintainers) {
  Recipients R = parseGetMaintainer("O <o@x.org> (odd fixer:OLD DRIVER)\n");
  EXPECT_EQ(R.To, std::vector<std::string>{"O <o@x.org>"});
  EXPECT_TRUE(R.Cc.empty());
}

TEST(Recipients, NothingIsMadeUp) {
  // Warnings, blank lines and names without an address are not recipients;
  // one address under two names counts once, where first seen.
  Recipients R = parseGetMaintainer(
      "\n"
      "get_maintainer.pl: file 'x' doesn't appear to be a patch.\n"
      "Linus Torvalds (chief penguin)\n"
      "M <m@x.org> (maintainer:A)\n"
      "Mx <M@X.org> (reviewer:B)\n"
      "l@x.org (open list:A)\n"
      "l@x.org (open list:B)\n");
  EXPECT_EQ(R.To, std::vector<std::string>{"M <m@x.org>"});
  EXPECT_EQ(R.Cc, std::vector<std::string>{"l@x.org"});
  EXPECT_TRUE(parseGetMaintainer("").empty());
}

TEST(Recipients, HeadersAreGitFormatPatchs) {
  Recipients R;
  R.To = {"A <a@x.org>", "B <b@x.org>"};
  R.Cc = {"l@x.org"};
  EXPECT_EQ(recipientHeaders(R), "To: A <a@x.org>,\n"
                                 "    B <b@x.org>\n"
                                 "Cc: l@x.org\n");
  EXPECT_EQ(recipientHeaders(Recipients()), "");
}

TEST(Recipients, TheUnionKeepsEachAddressOnceAndToFirst) {
  Recipients A, B;
  A.To = {"M <m@x.org>"};
  A.Cc = {"l@x.org", "R <r@x.org>"};
  B.To = {"R <r@x.org>"};
  B.Cc = {"l@x.org", "k@x.org"};
  Recipients U = mergeRecipients({A, B});
  EXPECT_EQ(U.To, (std::vector<std::string>{"M <m@x.org>", "R <r@x.org>"}));
  EXPECT_EQ(U.Cc, (std::vector<std::string>{"l@x.org", "k@x.org"}));
}

TEST(Patches, NumberedPatchesCarryTheirHeaders) {
  PatchInput P;
  P.Prefix = "xen: privcmd";
  P.Number = 2;
  P.Total = 3;
  P.Rcpt.To = {"M <m@x.org>"};
  P.Files.push_back({"drivers/xen/privcmd.c", "a\n", "b\n"});
  std::string M = formatPatch(P, "T <t@example.org>", "Thu", "0.1");
  EXPECT_TRUE(has(M, "\nSubject: [PATCH 2/3] xen: privcmd: replace deprecated "
                     "mmap hook with mmap_prepare\nTo: M <m@x.org>\n\n"));
  P.Total = 1;
  EXPECT_TRUE(has(formatPatch(P, "T <t@example.org>", "Thu", "0.1"),
                  "\nSubject: [PATCH] xen: privcmd:"));
}

TEST(Series, CommonPrefixCutsAtComponents) {
  EXPECT_EQ(commonPrefix({"xen: privcmd", "xen/xenbus: dev_backend"}), "xen");
  EXPECT_EQ(commonPrefix({"soc: aspeed: lpc", "soc: aspeed: p2a"}),
            "soc: aspeed");
  EXPECT_EQ(commonPrefix({"char: foo"}), "char: foo");
  EXPECT_EQ(commonPrefix({"udf", "ecryptfs"}), "ecryptfs, udf");
  EXPECT_EQ(commonPrefix({"hv: mshv_root", "hvx: a"}), "hv, hvx");
}

SeriesMember member(std::string Prefix, std::vector<std::string> To) {
  SeriesMember M;
  M.Prefix = std::move(Prefix);
  M.Rcpt.To = std::move(To);
  return M;
}

TEST(Series, OneSeriesPerMaintainerSet) {
  std::vector<SeriesMember> M = {
      member("xen: privcmd", {"J <j@x.org>", "S <s@x.org>"}),
      member("udf", {"Jan Kara <jack@x.org>"}),
      // Same people, other order and spelling: same series.
      member("xen/xenbus: backend", {"S <S@x.org>", "Juergen <j@x.org>"}),
      member("ecryptfs", {"Jan Kara <jack@x.org>"}),
  };
  std::vector<SeriesGroup> G = groupSeries(M);
  ASSERT_EQ(G.size(), 2u);
  // No shared prefix: named after the first maintainer.
  EXPECT_EQ(G[0].Name, "jan-kara");
  EXPECT_EQ(G[0].Prefix, "ecryptfs, udf");
  EXPECT_EQ(G[0].Members, (std::vector<size_t>{1, 3}));
  EXPECT_EQ(G[1].Name, "xen");
  EXPECT_EQ(G[1].Prefix, "xen");
  EXPECT_EQ(G[1].Members, (std::vector<size_t>{0, 2}));
}

TEST(Series, WithoutToTheSubjectPrefixGroups) {
  std::vector<SeriesMember> M = {
      member("char: foo", {}), member("char: bar", {}), member("char: foo", {}),
      member("char: foo", {"M <m@x.org>"})};
  std::vector<SeriesGroup> G = groupSeries(M);
  ASSERT_EQ(G.size(), 3u);
  EXPECT_EQ(G[0].Name, "char-bar");
  // Two groups with one name: the second gets a number (sorted by key:
  // the prefix-keyed one first).
  EXPECT_EQ(G[1].Name, "char-foo");
  EXPECT_EQ(G[1].Members, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(G[2].Name, "char-foo-2");
  EXPECT_EQ(G[2].Members, std::vector<size_t>{3});
}

CallbackRow converted(std::string File, std::string Name) {
  CallbackRow Row;
  Row.File = std::move(File);
  Row.Name = Name;
  Row.NewName = Name + "_prepare";
  return Row;
}

TEST(Series, TheCoverLetterIsAFormatPatchMail) {
  CoverInput C;
  C.Prefix = "xen";
  C.Subjects = {"xen: privcmd: replace deprecated mmap hook with "
                "mmap_prepare",
                "xen/xenbus: replace deprecated mmap hook with mmap_prepare"};
  C.Converted = {
      converted("drivers/xen/privcmd.c", "privcmd_mmap"),
      converted("drivers/xen/xenbus/xenbus_dev_backend.c", "backend_mmap")};
  CallbackRow Left;
  Left.File = "drivers/xen/privcmd-buf.c";
  Left.Name = "privcmd_buf_mmap";
  Left.Class = "blocked";
  Left.Reasons = {"vma-stored", "vm-ops", "vma-stored"};
  C.Left = {Left};
  C.Rcpt.To = {"J <j@x.org>"};
  C.Rcpt.Cc = {"xen-devel@x.org"};
  std::string M = formatCoverLetter(C, "T <t@example.org>", "Thu", "0.1");
  EXPECT_EQ(M.substr(0, M.find("\n\n") + 2),
            "From 0000000000000000000000000000000000000000 Mon Sep 17 "
            "00:00:00 2001\n"
            "From: T <t@example.org>\n"
            "Date: Thu\n"
            "Subject: [PATCH 0/2] xen: convert mmap hooks to mmap_prepare\n"
            "To: J <j@x.org>\n"
            "Cc: xen-devel@x.org\n\n");
  EXPECT_FALSE(has(M, "***"));
  EXPECT_TRUE(has(M, "->mmap_prepare(struct vm_area_desc *)"));
  EXPECT_TRUE(has(M, "\n"
                     "  file                                     mmap       "
                     "     mmap_prepare\n"
                     "  drivers/xen/privcmd.c                    privcmd_mmap()"
                     "  privcmd_mmap_prepare()\n"
                     "  drivers/xen/xenbus/xenbus_dev_backend.c  backend_mmap()"
                     "  backend_mmap_prepare()\n"));
  EXPECT_TRUE(has(M,
                  "\n"
                  "  file                       mmap                class    "
                  "reasons\n"
                  "  drivers/xen/privcmd-buf.c  privcmd_buf_mmap()  blocked  "
                  "vma-stored, vm-ops\n"));
  EXPECT_TRUE(has(M, "\nT (2):\n"
                     "  xen: privcmd: replace deprecated mmap hook with "
                     "mmap_prepare\n"
                     "  xen/xenbus: replace deprecated mmap hook with "
                     "mmap_prepare\n"
                     "\n-- \nmmap-prepare-lint 0.1\n"));
}

TEST(Series, TheDiffstatIsGits) {
  std::vector<PatchFile> Files = {
      {"drivers/xen/xenbus/backend.c", "a\nb\nc\n", "a\nB\nc\nd\n"},
      {"drivers/xen/privcmd.c", "x\n-- y\n", "x\n"}};
  EXPECT_EQ(diffStat(Files),
            " drivers/xen/privcmd.c        | 1 -\n"
            " drivers/xen/xenbus/backend.c | 3 ++-\n"
            " 2 files changed, 2 insertions(+), 2 deletions(-)\n");
  std::string Lines;
  for (int I = 0; I < 100; ++I)
    Lines += "l\n";
  std::string Stat = diffStat({{"f.c", "", Lines}});
  EXPECT_EQ(Stat, " f.c | 100 " + std::string(50, '+') +
                      "\n 1 file changed, 100 insertions(+)\n");
}

TEST(Series, ACoverLetterSaysWhenNothingIsLeft) {
  CoverInput C;
  C.Prefix = "hv";
  C.Subjects = {"a", "b"};
  std::string M = formatCoverLetter(C, "T <t@example.org>", "Thu", "0.1");
  EXPECT_TRUE(has(M, "No other mmap hook was found"));
  EXPECT_FALSE(has(M, "\nTo:"));
}

} // namespace
