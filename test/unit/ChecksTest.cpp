#include "core/Checks.h"
#include "rewriters/ApiLevel.h"
#include <gtest/gtest.h>

using namespace mpl;

TEST(CheckFilter, DefaultEnablesEverything) {
  CheckFilter F;
  for (const CheckInfo &C : allChecks())
    EXPECT_TRUE(F.isEnabled(C.Id)) << C.Id;
}

TEST(CheckFilter, LaterGlobsWin) {
  CheckFilter F("-*,mmap-prepare-vm-flags");
  EXPECT_TRUE(F.isEnabled("mmap-prepare-vm-flags"));
  EXPECT_FALSE(F.isEnabled("mmap-prepare-legacy-hook"));
  CheckFilter G("mmap-prepare-*,-mmap-prepare-remap-range");
  EXPECT_TRUE(G.isEnabled("mmap-prepare-legacy-hook"));
  EXPECT_FALSE(G.isEnabled("mmap-prepare-remap-range"));
}

TEST(CheckFilter, WhitespaceAndEmptyPartsAreIgnored) {
  CheckFilter F(" -* , ,mmap-prepare-legacy-hook ");
  EXPECT_TRUE(F.isEnabled("mmap-prepare-legacy-hook"));
  EXPECT_FALSE(F.isEnabled("mmap-prepare-api-misuse"));
}

TEST(ApiLevel, ParsesKnownLevels) {
  EXPECT_TRUE(ApiLevel::parse("auto")->isAuto());
  EXPECT_EQ(ApiLevel::parse("7.0")->Version, 700u);
  EXPECT_EQ(ApiLevel::parse("7.3")->Version, 703u);
  EXPECT_EQ(ApiLevel::parse("7.1")->str(), "7.1");
}

TEST(ApiLevel, RejectsUnknownLevels) {
  EXPECT_FALSE(ApiLevel::parse("6.19"));
  EXPECT_FALSE(ApiLevel::parse("7.9"));
  EXPECT_FALSE(ApiLevel::parse("seven"));
  EXPECT_FALSE(ApiLevel::parse(""));
}
