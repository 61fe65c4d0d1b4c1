#include "core/UnifiedDiff.h"
#include <gtest/gtest.h>

using namespace mpl;

TEST(UnifiedDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(unifiedDiff("a", "b", "x\ny\n", "x\ny\n"), "");
}

TEST(UnifiedDiff, OneChangedLineWithContext) {
  std::string Before = "1\n2\n3\n4\n5\n6\n7\n8\n";
  std::string After = "1\n2\n3\n4\nfive\n6\n7\n8\n";
  EXPECT_EQ(
      unifiedDiff("a/f", "b/f", Before, After),
      "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, DistantChangesMakeTwoHunks) {
  std::string Before, After;
  for (int I = 1; I <= 20; ++I) {
    Before += std::to_string(I) + "\n";
    After += (I == 2 || I == 18 ? "x" : std::to_string(I)) + "\n";
  }
  std::string D = unifiedDiff("a", "b", Before, After);
  EXPECT_NE(D.find("@@ -1,5 +1,5 @@"), std::string::npos) << D;
  EXPECT_NE(D.find("@@ -15,6 +15,6 @@"), std::string::npos) << D;
}

TEST(UnifiedDiff, InsertionIntoEmptyFile) {
  EXPECT_EQ(unifiedDiff("a", "b", "", "new\n"),
            "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+new\n");
}
