//===- PrefilterTest.cpp - which units must be parsed ---------------------===//
#include "driver/Prefilter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace mpl;

namespace {

class PrefilterTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("mpl-prefilter", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(const char *Name, llvm::StringRef Text) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
    return std::string(Path);
  }

  bool mustAnalyse(const std::string &File, SiteWords Site = SiteWords()) {
    std::vector<std::string> Keywords = defaultPrefilterKeywords();
    Keywords.insert(Keywords.end(), Site.OpsTypes.begin(), Site.OpsTypes.end());
    Prefilter P(std::move(Keywords), std::move(Site));
    clang::tooling::CompileCommand C(
        std::string(Dir), File, {"cc", "-c", "-I" + std::string(Dir), File},
        "");
    return P.mustAnalyse(C);
  }

  llvm::SmallString<128> Dir;
};

TEST_F(PrefilterTest, AUnitThatNamesNothingIsSkipped) {
  EXPECT_FALSE(mustAnalyse(write("plain.c", "int add(int a, int b)\n"
                                            "{\n\treturn a + b;\n}\n")));
}

TEST_F(PrefilterTest, AnOpsTableWithAnMmapSlotIsParsed) {
  EXPECT_TRUE(
      mustAnalyse(write("table.c", "static const struct file_operations f = {\n"
                                   "\t.mmap = f_mmap,\n};\n")));
}

TEST_F(PrefilterTest, AHeaderThatSpellsASiteCounts) {
  write("fops.h", "extern int f_mmap(void);\n"
                  "static const struct file_operations f = {\n"
                  "\t.mmap = f_mmap,\n};\n");
  EXPECT_TRUE(mustAnalyse(write("user.c", "#include \"fops.h\"\n"
                                          "int g(void) { return 0; }\n")));
}

TEST_F(PrefilterTest, AMacroThatSpellsASiteCountsWhereExpanded) {
  write("fops.h",
        "#define DEFINE_FOPS(name, fn) \\\n"
        "\tstatic const struct file_operations name = { .mmap = fn }\n");
  EXPECT_TRUE(mustAnalyse(write("user.c", "#include \"fops.h\"\n"
                                          "DEFINE_FOPS(f, f_mmap);\n")));
  EXPECT_FALSE(mustAnalyse(write("other.c", "#include \"fops.h\"\n"
                                            "int f(void) { return 0; }\n")));
}

TEST_F(PrefilterTest, AMacroDefinedWithASiteMacroCountsWhereExpanded) {
  // drm_gem.h: DEFINE_DRM_GEM_FOPS(name) expands DRM_GEM_FOPS, which sets
  // .mmap; the tag comes from the outer macro.
  write("gem.h", "#define GEM_FOPS \\\n\t.owner = 0, \\\n"
                 "\t.mmap = gem_mmap\n"
                 "#define DEFINE_GEM_FOPS(name) \\\n"
                 "\tstatic const struct file_operations name = { GEM_FOPS }\n");
  write("wrap.h", "#include \"gem.h\"\n"
                  "#define MY_FOPS(n) DEFINE_GEM_FOPS(n)\n");
  EXPECT_TRUE(mustAnalyse(write("drv.c", "#include \"wrap.h\"\n"
                                         "MY_FOPS(drv_fops);\n")));
  EXPECT_FALSE(mustAnalyse(write("bo.c", "#include \"wrap.h\"\n"
                                         "int bo_pin(void) { return 0; }\n")));
  // A definition that pastes the name together counts as a use.
  EXPECT_TRUE(mustAnalyse(write("paste.c", "#include \"gem.h\"\n"
                                           "#define OPS(kind) kind ## _FOPS\n"
                                           "static const struct x y = {\n"
                                           "\tOPS(GEM)\n};\n")));
}

TEST_F(PrefilterTest, AnMmapSlotOfAnotherOpsTypeIsNoSite) {
  EXPECT_FALSE(mustAnalyse(
      write("v4l2.c", "static const struct v4l2_file_operations f = {\n"
                      "\t.owner = THIS_MODULE,\n"
                      "#ifdef CONFIG_MMU\n"
                      "\t.mmap = f_mmap,\n"
                      "#endif\n"
                      "};\n")));
  EXPECT_FALSE(mustAnalyse(
      write("literal.c",
            "void f(void) { g(&(const struct proto_ops){ .mmap = m }); }\n")));
  EXPECT_FALSE(
      mustAnalyse(write("array.c", "static const struct vb2_mem_ops ops[] = {\n"
                                   "\t{ .mmap = a },\n"
                                   "\t[1] = { .alloc = b, .mmap = c },\n"
                                   "};\n")));
  // The same slot of file_operations, or of an --ops type, is a site.
  EXPECT_TRUE(mustAnalyse(write(
      "fops.c",
      "void f(void) { g(&(const struct file_operations){ .mmap = m }); }\n")));
  EXPECT_TRUE(mustAnalyse(
      write("v4l2-ops.c", "static const struct v4l2_file_operations f = {\n"
                          "\t.mmap = f_mmap,\n};\n"),
      siteWords({{"v4l2_file_operations", "mmap"}})));
}

TEST_F(PrefilterTest, AnInitialiserWhoseTypeIsInDoubtIsASite) {
  // Both openings of one table under #ifdef/#else: which brace is open?
  EXPECT_TRUE(mustAnalyse(
      write("branches.c", "#ifdef X\n"
                          "static const struct file_operations f = {\n"
                          "#else\n"
                          "static const struct v4l2_file_operations f = {\n"
                          "#endif\n"
                          "\t.mmap = f_mmap,\n};\n")));
  // The struct tag is a macro parameter.
  write("ops.h", "#define OPS(type, name, fn) \\\n"
                 "\tstatic const struct type name = { .mmap = fn }\n");
  EXPECT_TRUE(
      mustAnalyse(write("param.c", "#include \"ops.h\"\n"
                                   "OPS(file_operations, f, f_mmap);\n")));
  // A table member of a table, and an assignment through a pointer.
  EXPECT_TRUE(
      mustAnalyse(write("nested.c", "static struct misc m = {\n"
                                    "\t.fops = { .mmap = m_mmap },\n};\n")));
  EXPECT_TRUE(mustAnalyse(write("assign.c", "void f(struct x *p)\n"
                                            "{\n\tp->mmap = m_mmap;\n}\n")));
}

TEST_F(PrefilterTest, AnMmapPrepareHookCountsWhereItMayBeDefined) {
  // Installed here, defined in another unit (mm/filemap.c): the checks of
  // mmap_prepare hooks read the body, so this unit has no finding.
  write("fs.h", "int generic_file_mmap_prepare(struct vm_area_desc *desc);\n");
  EXPECT_FALSE(mustAnalyse(
      write("simplefs.c", "#include \"fs.h\"\n"
                          "const struct file_operations f = {\n"
                          "#ifdef CONFIG_COMPAT\n"
                          "\t.compat_ioctl = f_ioctl,\n"
                          "#endif\n"
                          "\t.mmap_prepare = generic_file_mmap_prepare,\n"
                          "};\n")));
  // Defined in the unit: the main file, a header, a macro given its name,
  // or one pasting its name together.
  EXPECT_TRUE(mustAnalyse(
      write("own.c", "static int own_mmap_prepare(struct vm_area_desc *desc)\n"
                     "{\n\treturn 0;\n}\n"
                     "const struct file_operations f = {\n"
                     "\t.mmap_prepare = own_mmap_prepare,\n};\n")));
  write("inline.h", "static inline int inl_prepare(struct vm_area_desc *d)\n"
                    "{\n\treturn 0;\n}\n");
  EXPECT_TRUE(
      mustAnalyse(write("inline.c", "#include \"inline.h\"\n"
                                    "const struct file_operations f = {\n"
                                    "\t.mmap_prepare = inl_prepare,\n};\n")));
  write("define.h", "#define DEFINE_HOOK(fn) \\\n"
                    "\tstatic int fn(struct vm_area_desc *d) { return 0; }\n"
                    "#define DEFINE_NAMED(n) \\\n"
                    "\tstatic int n##_mmap_prepare(struct vm_area_desc *d) "
                    "{ return 0; }\n");
  EXPECT_TRUE(
      mustAnalyse(write("macro.c", "#include \"define.h\"\n"
                                   "DEFINE_HOOK(m_prepare);\n"
                                   "const struct file_operations f = {\n"
                                   "\t.mmap_prepare = m_prepare,\n};\n")));
  EXPECT_TRUE(
      mustAnalyse(write("paste.c", "#include \"define.h\"\n"
                                   "DEFINE_NAMED(p);\n"
                                   "const struct file_operations f = {\n"
                                   "\t.mmap_prepare = p_mmap_prepare,\n};\n")));
  // A value that is not a plain name is a site whatever it names.
  EXPECT_TRUE(
      mustAnalyse(write("cond.c", "const struct file_operations f = {\n"
                                  "\t.mmap_prepare = X ? a : b,\n};\n")));
}

TEST_F(PrefilterTest, WordsOutsideASiteDoNotCount) {
  // Flags and vm_area_struct in the main file, a format string, a read of
  // the slot in a conditional: no ops-table site, so no finding.
  EXPECT_FALSE(mustAnalyse(write(
      "flags.c", "static void f(struct vm_area_struct *vma)\n"
                 "{\n\tvm_flags_set(vma, VM_IO);\n"
                 "\tpr_info(\"mmap: %p\\n\", vma->vm_file->f_op->mmap);\n"
                 "\tg(vma->vm_file ? vma->vm_file->f_op->mmap : NULL);\n}\n")));
}

TEST_F(PrefilterTest, AHeaderThatOnlyMentionsFlagsDoesNot) {
  // Kernel headers mention VM_ and mmap everywhere; only a site matters.
  write("flags.h", "#define MY_FLAGS (VM_IO | VM_DONTEXPAND)\n"
                   "int do_mmap(void);\n");
  EXPECT_FALSE(mustAnalyse(write("user.c", "#include \"flags.h\"\n"
                                           "int f(void) { return 0; }\n")));
}

TEST_F(PrefilterTest, AComputedIncludeIsADoubtAndParsed) {
  EXPECT_TRUE(mustAnalyse(write("computed.c", "#define HDR \"x.h\"\n"
                                              "#include HDR\n")));
}

} // namespace
