#include "driver/Shard.h"
#include "driver/Merge.h"
#include <gtest/gtest.h>

using namespace mpl;

TEST(Shard, ParsesKOverN) {
  std::string Error;
  std::optional<ShardSpec> S = parseShard("2/3", Error);
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Index, 2u);
  EXPECT_EQ(S->Count, 3u);
  for (const char *Bad : {"0/3", "4/3", "1/0", "x/2", "1", "1/2/3"})
    EXPECT_FALSE(parseShard(Bad, Error)) << Bad;
  EXPECT_EQ(Error, "--shard expects K/N with 1 <= K <= N, got '1/2/3'");
}

TEST(Shard, EveryFileInExactlyOnePartBalancedBySize) {
  std::vector<std::string> Files = {"a.c", "b.c", "c.c", "d.c", "e.c"};
  std::vector<uint64_t> Sizes = {100, 10, 60, 50, 0};
  std::vector<std::vector<std::string>> Parts;
  for (unsigned K = 1; K <= 2; ++K)
    Parts.push_back(filesOfShard(Files, Sizes, {K, 2}));
  // Largest first to the lighter part: 100 | 60, 50 | 10 -> 110 | 110;
  // the empty file counts one byte and goes to the lower part on a tie.
  EXPECT_EQ(Parts[0], (std::vector<std::string>{"a.c", "b.c", "e.c"}));
  EXPECT_EQ(Parts[1], (std::vector<std::string>{"c.c", "d.c"}));
  // The split depends on the files and sizes, not on their order.
  std::vector<std::string> Reversed(Files.rbegin(), Files.rend());
  std::vector<uint64_t> ReversedSizes(Sizes.rbegin(), Sizes.rend());
  EXPECT_EQ(filesOfShard(Reversed, ReversedSizes, {1, 2}),
            (std::vector<std::string>{"e.c", "b.c", "a.c"}));
}

TEST(Merge, FindingsOfSeveralPartsOnceInReportOrder) {
  auto At = [](std::string File, unsigned Line, std::string Message) {
    Finding F;
    F.Check = "mmap-prepare-legacy-hook";
    F.Where.File = File;
    F.Where.Line = Line;
    F.Where.Column = 2;
    F.Message = Message;
    return F;
  };
  Report A, B;
  A.Findings = {At("b.c", 3, "x"), At("h.h", 6, "macro_hook")};
  A.TranslationUnits = 2;
  B.Findings = {At("a.c", 9, "y"), At("h.h", 6, "macro_hook"),
                At("h.h", 6, "macro2_hook")};
  B.TranslationUnits = 1;
  B.Errors = {{"c.c", "crashed"}};
  A.Errors = {{"c.c", "crashed"}};
  Report R = mergeReports({A, B});
  std::vector<std::string> Got;
  for (const Finding &F : R.Findings)
    Got.push_back(F.Where.File + ":" + F.Message);
  EXPECT_EQ(Got, (std::vector<std::string>{"a.c:y", "b.c:x", "h.h:macro2_hook",
                                           "h.h:macro_hook"}));
  EXPECT_EQ(R.TranslationUnits, 3u);
  EXPECT_EQ(R.Errors.size(), 1u);
}
