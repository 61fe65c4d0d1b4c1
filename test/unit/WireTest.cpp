//===- WireTest.cpp - a unit's result survives the worker pipe -----------===//
#include "driver/Wire.h"
#include "gtest/gtest.h"

using namespace mpl;

namespace {

Position at(const char *File, unsigned Line, unsigned Column) {
  Position P;
  P.File = File;
  P.Line = Line;
  P.Column = Column;
  return P;
}

TEST(Wire, RoundTripKeepsEverythingAReportNeeds) {
  UnitResult U;
  Finding F;
  F.Check = "mmap-prepare-legacy-hook";
  F.Message = "'file_operations.mmap' is deprecated";
  F.Where = at("/t/a.c", 12, 2);
  F.Notes.push_back({at("/t/a.c", 3, 12), "'a_mmap' is defined here"});
  F.Class = Classification::Manual;
  F.Reasons = {"action-under-lock"};
  F.Fixable = true;
  F.Fix.push_back({"/t/a.c", 40, 4, "mmap_prepare", {}});
  F.Callback = "a_mmap";
  F.CallbackFile = "/t/a.c";
  F.Explanation = {"line 5: remap_pfn_range() -> mmap action"};
  U.Findings.push_back(F);
  U.Errors.push_back({"/t/b.h", "cannot read"});
  U.CompilerErrors = 2;
  U.FirstCompilerError = "/t/a.c:9: expected ';'";
  U.Suppressed = 1;
  CrossUnitCallback C;
  C.Role = CrossUnitCallback::Installs;
  C.Name = "b_mmap";
  HookSite Site;
  Site.Where = at("/t/a.c", 20, 2);
  Site.Slot = "file_operations.mmap";
  C.Sites.push_back(Site);
  C.SiteFindings.push_back(CrossUnitCallback::NoFinding);
  C.Edits.push_back({"/t/a.c", 100, 6, "b_mmap_prepare", {}});
  U.CrossUnit.push_back(C);

  UnitResult Back;
  ASSERT_TRUE(decodeUnitResult(encodeUnitResult(U), Back));
  ASSERT_EQ(Back.Findings.size(), 1u);
  const Finding &G = Back.Findings[0];
  EXPECT_EQ(G.Check, F.Check);
  EXPECT_EQ(G.Message, F.Message);
  EXPECT_EQ(G.Where.File, "/t/a.c");
  EXPECT_EQ(G.Where.Line, 12u);
  EXPECT_EQ(G.Where.Column, 2u);
  ASSERT_EQ(G.Notes.size(), 1u);
  EXPECT_EQ(G.Notes[0].Message, "'a_mmap' is defined here");
  EXPECT_EQ(G.Notes[0].Where.Line, 3u);
  ASSERT_TRUE(G.Class.has_value());
  EXPECT_EQ(*G.Class, Classification::Manual);
  EXPECT_EQ(G.Reasons, F.Reasons);
  EXPECT_TRUE(G.Fixable);
  ASSERT_EQ(G.Fix.size(), 1u);
  EXPECT_EQ(G.Fix[0], F.Fix[0]);
  EXPECT_EQ(G.Callback, "a_mmap");
  EXPECT_EQ(G.CallbackFile, "/t/a.c");
  EXPECT_EQ(G.Explanation, F.Explanation);
  ASSERT_EQ(Back.Errors.size(), 1u);
  EXPECT_EQ(Back.Errors[0].File, "/t/b.h");
  EXPECT_EQ(Back.CompilerErrors, 2u);
  EXPECT_EQ(Back.FirstCompilerError, U.FirstCompilerError);
  EXPECT_EQ(Back.Suppressed, 1u);
  ASSERT_EQ(Back.CrossUnit.size(), 1u);
  const CrossUnitCallback &D = Back.CrossUnit[0];
  EXPECT_EQ(D.Role, CrossUnitCallback::Installs);
  EXPECT_EQ(D.Name, "b_mmap");
  ASSERT_EQ(D.Sites.size(), 1u);
  EXPECT_EQ(D.Sites[0].Where.Line, 20u);
  EXPECT_EQ(D.Sites[0].Slot, "file_operations.mmap");
  EXPECT_EQ(D.SiteFindings, C.SiteFindings);
  ASSERT_EQ(D.Edits.size(), 1u);
  EXPECT_EQ(D.Edits[0], C.Edits[0]);
}

TEST(Wire, MalformedPayloadsAreRefused) {
  UnitResult U;
  EXPECT_FALSE(decodeUnitResult("", U));
  EXPECT_FALSE(decodeUnitResult("{not json", U));
  EXPECT_FALSE(decodeUnitResult("[1, 2, 3]", U));
}

} // namespace
