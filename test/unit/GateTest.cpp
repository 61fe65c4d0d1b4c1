//===- GateTest.cpp - baselines, --fail-on and the exit status ------------===//
#include "driver/Gate.h"
#include "ScratchDir.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace mpl;

namespace {

Finding finding(const std::string &Check, const std::string &File,
                unsigned Line, const std::string &Callback = "") {
  Finding F;
  F.Check = Check;
  F.Where.File = File;
  F.Where.Line = Line;
  F.Where.Column = 2;
  F.Callback = Callback;
  F.Message = "message";
  return F;
}

TEST(Gate, ErrorsFailBeforeFindings) {
  Report R;
  R.Findings.push_back(finding(check::LegacyHook, "a.c", 1));
  R.Errors.push_back({"b.c", "cannot read"});
  EXPECT_EQ(Gate(GateOptions()).exitStatus(R), ExitError);
}

TEST(Gate, FailOnSelectsTheChecksThatFail) {
  Report R;
  R.Findings.push_back(finding(check::VmFlags, "a.c", 1));
  GateOptions Opts;
  Opts.FailOn = CheckFilter("mmap-prepare-legacy-hook");
  EXPECT_EQ(Gate(Opts).exitStatus(R), ExitClean);
  Opts.FailOn = CheckFilter("*");
  EXPECT_EQ(Gate(Opts).exitStatus(R), ExitFindings);
  EXPECT_EQ(Gate(Opts).exitStatus(Report()), ExitClean);
}

TEST(Gate, KbuildModeIgnoresRunErrors) {
  Report R;
  R.Errors.push_back({"b.c", "the compiler could not run"});
  GateOptions Opts;
  Opts.ErrorsFail = false;
  Opts.FailOn = CheckFilter("-*");
  R.Findings.push_back(finding(check::LegacyHook, "a.c", 1));
  EXPECT_EQ(Gate(Opts).exitStatus(R), ExitClean);
}

TEST(Gate, ABaselineHidesTheFindingsItHoldsOnceEach) {
  ScratchDir Dir;
  std::string File = Dir.write("drv.c", "static const struct file_operations "
                                        "fops = {\n\t.mmap = a_mmap,\n"
                                        "\t.mmap = a_mmap,\n};\n");
  Report Old;
  Old.Findings.push_back(finding(check::LegacyHook, File, 2, "a_mmap"));
  GateOptions Write;
  Write.WriteBaseline = Dir.path() + "/baseline.json";
  SourceLines Lines;
  Gate(Write).filter(Old, Dir.path(), Lines);
  ASSERT_TRUE(Old.Errors.empty());
  EXPECT_EQ(Old.Findings.size(), 1u) << "writing a baseline hides nothing";

  // The same finding moved down a line is still known; its twin on an
  // identical line needs an entry of its own, and a new check is new.
  Report New;
  New.Findings.push_back(finding(check::LegacyHook, File, 3, "a_mmap"));
  New.Findings.push_back(finding(check::LegacyHook, File, 2, "a_mmap"));
  New.Findings.push_back(finding(check::VmFlags, File, 2, "a_mmap"));
  GateOptions Read;
  Read.Baseline = Write.WriteBaseline;
  Gate G(Read);
  G.filter(New, Dir.path(), Lines);
  EXPECT_TRUE(New.Errors.empty());
  EXPECT_EQ(G.baselined(), 1u);
  ASSERT_EQ(New.Findings.size(), 2u);
  EXPECT_EQ(New.Findings[0].Where.Line, 2u);
  EXPECT_EQ(New.Findings[1].Check, check::VmFlags);
}

TEST(Gate, AnUnreadableBaselineIsAnErrorNamingIt) {
  ScratchDir Dir;
  Report R;
  R.Findings.push_back(finding(check::LegacyHook, "a.c", 1));
  GateOptions Opts;
  Opts.Baseline = Dir.path() + "/missing.json";
  Gate G(Opts);
  G.filter(R, Dir.path(), *std::make_unique<SourceLines>());
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_EQ(R.Errors[0].File, Opts.Baseline);
  EXPECT_EQ(R.Findings.size(), 1u) << "nothing is hidden without a baseline";
  EXPECT_EQ(G.exitStatus(R), ExitError);
}

TEST(Gate, OutputFilesNameAMissingDirectory) {
  ScratchDir Dir;
  Report R;
  EXPECT_FALSE(writeOutputFile(Dir.path() + "/no/such/out.json", "{}", R));
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_NE(R.Errors[0].Message.find("does not exist"), std::string::npos);
  EXPECT_TRUE(writeOutputFile(Dir.path() + "/out.json", "{}", R));
  auto Buffer = llvm::MemoryBuffer::getFile(Dir.path() + "/out.json");
  ASSERT_TRUE(bool(Buffer));
  EXPECT_EQ((*Buffer)->getBuffer(), "{}");
}

} // namespace
