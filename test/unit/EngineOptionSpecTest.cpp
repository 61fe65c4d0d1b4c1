//===- EngineOptionSpecTest.cpp - one option table for every front end ----===//
#include "core/EngineOptionSpec.h"
#include "ScratchDir.h"
#include "gtest/gtest.h"
#include <set>

using namespace mpl;

namespace {

const EngineOptionSpec &spec(llvm::StringRef Flag) {
  for (const EngineOptionSpec &S : engineOptionSpecs())
    if (S.Flag == Flag)
      return S;
  ADD_FAILURE() << "no option " << Flag.str();
  return engineOptionSpecs().front();
}

TEST(EngineOptionSpec, NamesAreUniqueAndDefaultsValid) {
  std::set<std::string> Flags, Keys;
  for (const EngineOptionSpec &S : engineOptionSpecs()) {
    EXPECT_TRUE(Flags.insert(S.Flag.str()).second) << S.Flag.str();
    EXPECT_TRUE(Keys.insert(S.TidyKey.str()).second) << S.TidyKey.str();
    EngineOptions Opts;
    EXPECT_TRUE(S.Apply(S.Default, Opts).empty()) << S.Flag.str();
  }
}

TEST(EngineOptionSpec, ApiLevels) {
  EngineOptions Opts;
  EXPECT_TRUE(spec("api").Apply("7.1", Opts).empty());
  EXPECT_EQ(Opts.Api.str(), "7.1");
  std::vector<std::string> Bad = spec("api").Apply("6.9", Opts);
  ASSERT_EQ(Bad.size(), 1u);
  EXPECT_NE(Bad[0].find("'6.9'"), std::string::npos);
  EXPECT_EQ(Opts.Api.str(), "7.1") << "an invalid value changes nothing";
}

TEST(EngineOptionSpec, OpsKeepsTheValidEntriesOfAList) {
  EngineOptions Opts;
  std::vector<std::string> Bad =
      spec("ops").Apply("fb_ops.fb_mmap, fb_mmap,drm_driver.mmap", Opts);
  ASSERT_EQ(Bad.size(), 1u);
  EXPECT_NE(Bad[0].find("'fb_mmap'"), std::string::npos);
  ASSERT_EQ(Opts.ExtraSlots.size(), 2u);
  EXPECT_EQ(Opts.ExtraSlots[0].first, "fb_ops");
  EXPECT_EQ(Opts.ExtraSlots[1].second, "mmap");
}

TEST(EngineOptionSpec, SuffixMustKeepAnIdentifier) {
  EngineOptions Opts;
  EXPECT_TRUE(spec("suffix").Apply("_desc", Opts).empty());
  EXPECT_EQ(Opts.Suffix, "_desc");
  EXPECT_EQ(spec("suffix").Apply("-x", Opts).size(), 1u);
  EXPECT_EQ(spec("suffix").Apply("", Opts).size(), 1u);
  EXPECT_EQ(Opts.Suffix, "_desc");
}

TEST(EngineOptionSpec, SuppressionsAreReadAndNamedInErrors) {
  ScratchDir Dir;
  EngineOptions Opts;
  std::vector<std::string> Bad =
      spec("suppressions").Apply(Dir.path() + "/none", Opts);
  ASSERT_EQ(Bad.size(), 1u);
  EXPECT_EQ(Bad[0].rfind(Dir.path() + "/none: ", 0), 0u) << Bad[0];
  std::string List =
      Dir.write("supp.txt", "mmap-prepare-legacy-hook drivers/foo/*\n");
  EXPECT_TRUE(spec("suppressions").Apply(List, Opts).empty());
  ASSERT_TRUE(Opts.Suppressions);
  EXPECT_EQ(Opts.SuppressionsFile, List);
}

TEST(EngineOptionSpec, TheKeyFollowsEveryOptionThatChangesOutput) {
  EngineOptions A, B;
  EXPECT_EQ(engineOptionsKey(A), engineOptionsKey(B));
  spec("suffix").Apply("_desc", B);
  EXPECT_NE(engineOptionsKey(A), engineOptionsKey(B));
  B = EngineOptions();
  spec("ops").Apply("fb_ops.fb_mmap", B);
  EXPECT_NE(engineOptionsKey(A), engineOptionsKey(B));
  B = EngineOptions();
  spec("api").Apply("7.0", B);
  EXPECT_NE(engineOptionsKey(A), engineOptionsKey(B));
}

} // namespace
