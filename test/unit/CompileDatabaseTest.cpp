//===- CompileDatabaseTest.cpp - loading a database, choosing its files ---===//
#include "driver/CompileDatabase.h"
#include "ScratchDir.h"
#include "gtest/gtest.h"

using namespace mpl;

namespace {

std::string entry(const std::string &Dir, const std::string &File) {
  return "{\"directory\": \"" + Dir + "\", \"file\": \"" + File +
         "\", \"command\": \"cc -c " + File + "\"}";
}

TEST(CompileDatabase, MalformedFilesAreNamedOnOneLine) {
  ScratchDir Dir;
  std::string Path = Dir.write("compile_commands.json", "[{\"directory\": ");
  std::string DBDir, Error;
  EXPECT_FALSE(loadCompileDatabase(Path, DBDir, Error));
  EXPECT_EQ(Error, Path + ": not a valid compile database (malformed JSON)");

  Dir.write("compile_commands.json", "{}");
  EXPECT_FALSE(loadCompileDatabase(Dir.path(), DBDir, Error));
  EXPECT_NE(Error.find("expected a JSON array"), std::string::npos);

  Dir.write("compile_commands.json", "[{\"file\": \"a.c\"}]");
  EXPECT_FALSE(loadCompileDatabase(Dir.path(), DBDir, Error));
  EXPECT_NE(Error.find("an entry lacks"), std::string::npos);
  EXPECT_EQ(Error.find('\n'), std::string::npos);

  EXPECT_FALSE(loadCompileDatabase(Dir.path() + "/none", DBDir, Error));
  EXPECT_NE(Error.find("no such file"), std::string::npos);
}

TEST(CompileDatabase, ABuildDirectoryIsReadAndItsPathKept) {
  ScratchDir Dir;
  std::string File = Dir.write("drivers/a.c", "int a;\n");
  Dir.write("compile_commands.json", "[" + entry(Dir.path(), File) + "]");
  std::string DBDir, Error;
  auto DB = loadCompileDatabase(Dir.path(), DBDir, Error);
  ASSERT_TRUE(DB) << Error;
  EXPECT_EQ(DBDir, Dir.path());
  EXPECT_EQ(DB->getAllFiles(), std::vector<std::string>{File});
}

TEST(CompileDatabase, DirectoriesSelectTheirFilesAndHookFilesTheyLack) {
  ScratchDir Dir;
  std::string InDB = Dir.write("drv/b.c", "int b;\n");
  std::string Other = Dir.write("other/c.c", "int c;\n");
  std::string Hook = Dir.write("drv/hook.c", "static const struct "
                                             "file_operations f = {\n"
                                             "\t.mmap = h_mmap,\n};\n");
  Dir.write("drv/plain.c", "int mmap_count;\n");
  Dir.write("compile_commands.json", "[" + entry(Dir.path(), InDB) + ", " +
                                         entry(Dir.path(), Other) + "]");
  std::string DBDir, Error;
  auto DB = loadCompileDatabase(Dir.path(), DBDir, Error);
  ASSERT_TRUE(DB) << Error;

  InputFiles In =
      selectInputFiles(*DB, {Dir.path() + "/drv"}, true, SiteWords());
  EXPECT_EQ(In.Files, (std::vector<std::string>{InDB, Hook}));
  EXPECT_EQ(In.Optional, std::set<std::string>{Hook});
  EXPECT_TRUE(In.Errors.empty());

  In = selectInputFiles(*DB, {Dir.path() + "/drv"}, false, SiteWords());
  EXPECT_EQ(In.Files, std::vector<std::string>{InDB});

  In = selectInputFiles(*DB, {}, true, SiteWords());
  EXPECT_EQ(In.Files, (std::vector<std::string>{InDB, Other}));

  std::string Empty = Dir.path() + "/empty";
  llvm::sys::fs::create_directories(Empty);
  In = selectInputFiles(*DB, {Empty}, true, SiteWords());
  ASSERT_EQ(In.Errors.size(), 1u);
  EXPECT_EQ(In.Errors[0].File, Empty);
}

TEST(CompileDatabase, OpsSlotsWidenTheScanOfMissingFiles) {
  ScratchDir Dir;
  std::string InDB = Dir.write("fb/a.c", "int a;\n");
  std::string FbHook = Dir.write("fb/b.c", "static struct fb_ops o = {\n"
                                           "\t.fb_mmap = b_mmap,\n};\n");
  Dir.write("compile_commands.json", "[" + entry(Dir.path(), InDB) + "]");
  std::string DBDir, Error;
  auto DB = loadCompileDatabase(Dir.path(), DBDir, Error);
  ASSERT_TRUE(DB) << Error;
  EXPECT_EQ(
      selectInputFiles(*DB, {Dir.path() + "/fb"}, true, SiteWords()).Files,
      std::vector<std::string>{InDB});
  EXPECT_EQ(selectInputFiles(*DB, {Dir.path() + "/fb"}, true,
                             siteWords({{"fb_ops", "fb_mmap"}}))
                .Files,
            (std::vector<std::string>{InDB, FbHook}));
}

} // namespace
