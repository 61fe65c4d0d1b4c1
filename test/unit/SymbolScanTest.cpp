//===- SymbolScanTest.cpp - the token scan that finds cross-unit users ----===//
#include "driver/SymbolScan.h"
#include "gtest/gtest.h"

using namespace mpl;

namespace {

std::vector<std::pair<std::string, SymbolMention>> scan(llvm::StringRef Text) {
  return scanBuffer("f.c", Text, {"foo_mmap"});
}

TEST(SymbolScan, DefinitionDeclarationAndUse) {
  auto Found = scan("int foo_mmap(struct file *f, struct vm_area_struct *v);\n"
                    "int\n"
                    "foo_mmap(struct file *f, struct vm_area_struct *v)\n"
                    "{\n"
                    "\treturn 0;\n"
                    "}\n"
                    "static const struct file_operations fops = {\n"
                    "\t.mmap = foo_mmap,\n"
                    "};\n");
  ASSERT_EQ(Found.size(), 3u);
  EXPECT_EQ(Found[0].second.K, SymbolMention::Declaration);
  EXPECT_EQ(Found[1].second.K, SymbolMention::Definition);
  EXPECT_EQ(Found[1].second.Line, 3u);
  EXPECT_EQ(Found[1].second.Column, 1u);
  EXPECT_EQ(Found[2].second.K, SymbolMention::Use);
  EXPECT_EQ(Found[2].second.Line, 8u);
  EXPECT_EQ(Found[2].second.Column, 10u);
}

TEST(SymbolScan, StaticDefinitionIsAnotherFunction) {
  auto Found =
      scan("static int\nfoo_mmap(struct file *f, struct vm_area_struct *v)\n"
           "{ return 0; }\n");
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].second.K, SymbolMention::StaticDefinition);
}

TEST(SymbolScan, CommentsStringsAndCharactersAreSkipped) {
  auto Found = scan("/* foo_mmap\n foo_mmap */ // foo_mmap\n"
                    "const char *s = \"foo_mmap \\\" foo_mmap\";\n"
                    "char c = 'f';\n"
                    "int x = foo_mmap_count;\n");
  EXPECT_TRUE(Found.empty());
}

TEST(SymbolScan, MacroBodiesAndCallsAreUses) {
  auto Found = scan("#define FOPS \\\n\t.mmap = foo_mmap,\n"
                    "int g(struct file *f, struct vm_area_struct *v)\n"
                    "{\n\treturn foo_mmap(f, v);\n}\n");
  ASSERT_EQ(Found.size(), 2u);
  EXPECT_EQ(Found[0].second.K, SymbolMention::Use);
  EXPECT_EQ(Found[0].second.Line, 2u);
  EXPECT_EQ(Found[1].second.K, SymbolMention::Use);
  EXPECT_EQ(Found[1].second.Line, 5u);
}

TEST(SymbolScan, ExportIsAUse) {
  auto Found =
      scan("int foo_mmap(struct file *f, struct vm_area_struct *v)\n{\n}\n"
           "EXPORT_SYMBOL_GPL(foo_mmap);\n");
  ASSERT_EQ(Found.size(), 2u);
  EXPECT_EQ(Found[0].second.K, SymbolMention::Definition);
  EXPECT_EQ(Found[1].second.K, SymbolMention::Use);
}

} // namespace
