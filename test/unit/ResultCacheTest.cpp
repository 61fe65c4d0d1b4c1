//===- ResultCacheTest.cpp - reuse only what is unchanged, evict the oldest
//===//
#include "driver/ResultCache.h"
#include "ScratchDir.h"
#include <utime.h>

using namespace mpl;

namespace {

clang::tooling::CompileCommand command(const std::string &File) {
  return clang::tooling::CompileCommand("/src", File, {"cc", "-c", File}, "");
}

std::vector<Dependency> readNow(const std::vector<std::string> &Paths) {
  std::vector<Dependency> Read;
  for (const std::string &P : Paths)
    Read.push_back(
        {P, contentDigest((*llvm::MemoryBuffer::getFile(P))->getBuffer())});
  return Read;
}

TEST(ResultCacheTest, AHitNeedsEveryFileReadUnchanged) {
  ScratchDir Dir;
  std::string Main = Dir.write("a.c", "#include \"a.h\"\n");
  std::string Header = Dir.write("a.h", "int x;\n");
  {
    ResultCache C(Dir.path() + "/cache", "key", 1 << 20);
    EXPECT_FALSE(C.lookup(command(Main)));
    C.store(command(Main), "", "payload", readNow({Main, Header}));
  }
  {
    ResultCache C(Dir.path() + "/cache", "key", 1 << 20);
    EXPECT_EQ(C.lookup(command(Main)), std::optional<std::string>("payload"));
    // Another tool build or option set, another command: another key.
    ResultCache Other(Dir.path() + "/cache", "other key", 1 << 20);
    EXPECT_FALSE(Other.lookup(command(Main)));
    clang::tooling::CompileCommand WithFlag = command(Main);
    WithFlag.CommandLine.push_back("-DX");
    EXPECT_FALSE(C.lookup(WithFlag));
    EXPECT_TRUE(C.notes().empty());
  }
  Dir.write("a.h", "int y;\n");
  ResultCache C(Dir.path() + "/cache", "key", 1 << 20);
  EXPECT_FALSE(C.lookup(command(Main)));
  EXPECT_EQ(C.misses(), 1u);
}

TEST(ResultCacheTest, TheLeastRecentlyUsedEntriesAreEvictedFirst) {
  ScratchDir Dir;
  std::vector<std::string> Files;
  for (const char *Name : {"old.c", "mid.c", "new.c"})
    Files.push_back(Dir.write(Name, Name));
  std::string CacheDir = Dir.path() + "/cache";
  std::string Payload(1000, 'x');
  {
    ResultCache C(CacheDir, "key", 1 << 20);
    for (const std::string &F : Files)
      C.store(command(F), "", Payload, readNow({F}));
  }
  // Give the entries distinct ages: old.c's the oldest.
  time_t Now = time(nullptr);
  int Age = 300;
  std::error_code EC;
  std::vector<std::string> Entries;
  for (llvm::sys::fs::recursive_directory_iterator I(CacheDir, EC), E;
       I != E && !EC; I.increment(EC))
    if (llvm::StringRef(I->path()).ends_with(".json"))
      Entries.push_back(I->path());
  ASSERT_EQ(Entries.size(), 3u);
  uint64_t EntrySize = 0;
  llvm::sys::fs::file_size(Entries[0], EntrySize);
  for (const std::string &E : Entries) {
    std::string Text = (*llvm::MemoryBuffer::getFile(E))->getBuffer().str();
    size_t Rank = Text.find("old.c") != std::string::npos   ? 0
                  : Text.find("mid.c") != std::string::npos ? 1
                                                            : 2;
    struct utimbuf T = {Now - Age + time_t(Rank) * 100,
                        Now - Age + time_t(Rank) * 100};
    ASSERT_EQ(utime(E.c_str(), &T), 0);
  }
  // Room for two entries: storing a fourth evicts the two oldest.
  std::string Fourth = Dir.write("fourth.c", "fourth");
  ResultCache C(CacheDir, "key", 2 * EntrySize + EntrySize / 2);
  C.store(command(Fourth), "", Payload, readNow({Fourth}));
  C.trim();
  EXPECT_FALSE(C.lookup(command(Files[0])));
  EXPECT_FALSE(C.lookup(command(Files[1])));
  EXPECT_TRUE(C.lookup(command(Files[2])));
  EXPECT_TRUE(C.lookup(command(Fourth)));
}

} // namespace
