#include "core/EditApplier.h"
#include <gtest/gtest.h>

using namespace mpl;

static Edit edit(unsigned Offset, unsigned Length, std::string Text,
                 std::string File = "f.c") {
  Edit E;
  E.File = std::move(File);
  E.Offset = Offset;
  E.Length = Length;
  E.Text = std::move(Text);
  return E;
}

TEST(ApplyEdits, AppliesInOffsetOrder) {
  ApplyResult R = applyEdits("abcdef", {edit(4, 1, "E"), edit(0, 1, "A")});
  EXPECT_EQ(R.Error, "");
  EXPECT_EQ(R.Text, "AbcdEf");
}

TEST(ApplyEdits, IdenticalEditsApplyOnce) {
  ApplyResult R = applyEdits("abc", {edit(1, 0, "X"), edit(1, 0, "X")});
  EXPECT_EQ(R.Error, "");
  EXPECT_EQ(R.Text, "aXbc");
}

TEST(ApplyEdits, OverlapRefusesEverything) {
  ApplyResult R = applyEdits("abcdef", {edit(0, 3, "X"), edit(2, 2, "Y")});
  EXPECT_NE(R.Error, "");
  EXPECT_EQ(R.Text, "");
}

TEST(ApplyEdits, TwoDifferentInsertionsAtOnePointAreAmbiguous) {
  ApplyResult R = applyEdits("abc", {edit(1, 0, "X"), edit(1, 0, "Y")});
  EXPECT_NE(R.Error, "");
}

TEST(ApplyEdits, EditPastTheEndIsRefused) {
  ApplyResult R = applyEdits("abc", {edit(2, 5, "X")});
  EXPECT_NE(R.Error, "");
}

TEST(GroupEditsByFile, MergesDuplicatesAcrossTranslationUnits) {
  auto Groups = groupEditsByFile(
      {edit(1, 0, "X", "h.h"), edit(1, 0, "X", "h.h"), edit(0, 1, "Y", "a.c")});
  ASSERT_EQ(Groups.size(), 2u);
  EXPECT_EQ(Groups["h.h"].size(), 1u);
  EXPECT_EQ(Groups["a.c"].size(), 1u);
}
