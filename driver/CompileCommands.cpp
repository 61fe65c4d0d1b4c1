//===- CompileCommands.cpp ------------------------------------------------===//
#include "driver/CompileCommands.h"
#include "core/AtomicFile.h"
#include "clang/Driver/Options.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

using namespace llvm;

namespace mpl {

const std::vector<std::string> &gccOnlyFlags() {
  // From docs/kbuild.md "GCC-built databases"; each one makes clang-19 fail
  // (unknown argument, unsupported for the target, or a GCC plugin).
  static const std::vector<std::string> Flags = {
      "-fconserve-stack",
      "-fno-allow-store-data-races",
      "-fallow-store-data-races",
      "-mindirect-branch=*",
      "-mindirect-branch-register",
      "-mpreferred-stack-boundary=*",
      "-mincoming-stack-boundary=*",
      "-fno-ipa-sra",
      "-fipa-sra",
      "-fno-var-tracking-assignments",
      "-fvar-tracking-assignments",
      "-fmin-function-alignment=*",
      "-fno-tree-loop-im",
      "-mrecord-mcount",
      "-fplugin=*",
      "-fplugin-arg-*",
      "-fno-partial-inlining",
      "-fno-inline-functions-called-once",
      "-fno-code-hoisting",
      "-fno-aggressive-loop-optimizations",
      "-fno-ipa-cp-clone",
      "-fno-ipa-bit-cp",
      "-fno-ipa-icf",
      "-fno-ipa-modref",
      "-fno-shrink-wrap",
      "-fno-reorder-blocks-and-partition",
      "-fsched-pressure",
      "-fno-schedule-insns2",
      "-fno-tree-vectorize",
      "-Wno-maybe-uninitialized",
      "-Wno-alloc-size-larger-than",
      "-Wimplicit-fallthrough=*",
      "--param=*",
      "--param",
  };
  return Flags;
}

namespace {

bool matchesTable(StringRef Flag) {
  for (const std::string &Entry : gccOnlyFlags()) {
    StringRef E(Entry);
    if (E.ends_with("*") ? Flag.starts_with(E.drop_back()) : Flag == E)
      return true;
  }
  return false;
}

bool isDependencyFlag(StringRef A, bool &TakesValue) {
  TakesValue = false;
  if (A == "-MF" || A == "-MT" || A == "-MQ") {
    TakesValue = true;
    return true;
  }
  if (A == "-MD" || A == "-MMD" || A == "-MP" || A == "-M" || A == "-MM" ||
      A == "-MG")
    return true;
  if (A.starts_with("-MF") || A.starts_with("-MT") || A.starts_with("-MQ"))
    return true;
  return A.starts_with("-Wp,-MD,") || A.starts_with("-Wp,-MMD,");
}

} // namespace

std::string targetFromCompilerName(StringRef Argv0) {
  StringRef Name = sys::path::filename(Argv0);
  // Drop a version suffix: aarch64-linux-gnu-gcc-12 -> aarch64-linux-gnu-gcc.
  while (!Name.empty()) {
    size_t Dash = Name.rfind('-');
    if (Dash == StringRef::npos)
      break;
    StringRef Tail = Name.substr(Dash + 1);
    if (Tail.empty() ||
        Tail.find_first_not_of("0123456789.") != StringRef::npos)
      break;
    Name = Name.substr(0, Dash);
  }
  for (StringRef Driver : {"-gcc", "-cc", "-clang", "-g++", "-c++", "-clang++"})
    if (Name.ends_with(Driver)) {
      StringRef Triple = Name.drop_back(Driver.size());
      // A triple has at least arch-os ("aarch64-linux-gnu", "arm-none-eabi").
      if (Triple.contains('-'))
        return Triple.str();
    }
  return "";
}

std::string defaultCacheDir() {
  SmallString<256> Dir;
  if (const char *X = std::getenv("XDG_CACHE_HOME"); X && *X)
    Dir = X;
  else if (const char *H = std::getenv("HOME"); H && *H) {
    Dir = H;
    sys::path::append(Dir, ".cache");
  } else
    return "";
  sys::path::append(Dir, "mmap-prepare-lint");
  return std::string(Dir.str());
}

CommandSanitizer::CommandSanitizer(std::string CacheDir, std::string Clang,
                                   bool Probe)
    : Clang(std::move(Clang)), Probe(Probe) {
  if (!CacheDir.empty()) {
    SmallString<256> P(CacheDir);
    sys::path::append(P, "flag-verdicts-clang-" LLVM_VERSION_STRING ".txt");
    CacheFile = std::string(P.str());
    load();
  }
}

CommandSanitizer::~CommandSanitizer() { save(); }

void CommandSanitizer::load() {
  auto Buffer = MemoryBuffer::getFile(CacheFile);
  if (!Buffer)
    return;
  SmallVector<StringRef, 64> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, false);
  for (StringRef Line : Lines) {
    // keep|drop <tab> target <tab> flag
    auto [Verdict, Rest] = Line.split('\t');
    if (Verdict != "keep" && Verdict != "drop")
      continue;
    Verdicts[Rest.str()] = Verdict == "keep";
  }
}

void CommandSanitizer::save() {
  if (!Dirty || CacheFile.empty())
    return;
  if (sys::fs::create_directories(sys::path::parent_path(CacheFile)))
    return;
  // Merge with what other processes (kbuild runs many) wrote meanwhile.
  std::map<std::string, bool> Mine = Verdicts;
  load();
  for (auto &[K, V] : Mine)
    Verdicts[K] = V;
  std::string Text;
  for (auto &[K, V] : Verdicts)
    Text += std::string(V ? "keep" : "drop") + "\t" + K + "\n";
  std::string Temp = CacheFile + ".mpl-XXXXXX";
  int FD = ::mkstemp(Temp.data());
  if (FD < 0)
    return;
  bool Ok = ::write(FD, Text.data(), Text.size()) ==
            static_cast<ssize_t>(Text.size());
  ::close(FD);
  if (!Ok || ::rename(Temp.c_str(), CacheFile.c_str()) != 0)
    ::unlink(Temp.c_str());
  Dirty = false;
}

bool CommandSanitizer::accepted(const std::string &Target,
                                const std::string &Flag) {
  std::string Key = Target + "\t" + Flag;
  auto It = Verdicts.find(Key);
  if (It != Verdicts.end())
    return It->second;
  bool Ok = false;
  if (Probe && !Clang.empty()) {
    std::vector<StringRef> Argv = {Clang};
    std::string TargetArg = "--target=" + Target;
    if (!Target.empty())
      Argv.push_back(TargetArg);
    for (StringRef A : {"-fsyntax-only", "-x", "c", "/dev/null"})
      Argv.push_back(A);
    Argv.push_back(Flag);
    std::optional<StringRef> Redirects[] = {
        StringRef("/dev/null"), StringRef("/dev/null"), StringRef("/dev/null")};
    int RC = sys::ExecuteAndWait(Clang, Argv, std::nullopt, Redirects, 30);
    Ok = RC == 0;
  }
  Verdicts[Key] = Ok;
  Dirty = true;
  return Ok;
}

std::vector<std::string>
CommandSanitizer::sanitize(const std::vector<std::string> &In,
                           std::vector<std::string> *Dropped) {
  if (In.empty())
    return In;
  std::string Target;
  bool HasTarget = false;
  for (size_t I = 1; I < In.size(); ++I) {
    StringRef A = In[I];
    if (A.consume_front("--target=") || A.consume_front("-target=")) {
      Target = A.str();
      HasTarget = true;
    } else if (A == "-target" && I + 1 < In.size()) {
      Target = In[I + 1];
      HasTarget = true;
    }
  }
  // ccache/distcc wrap the real compiler.
  size_t CompilerAt = 0;
  while (CompilerAt + 1 < In.size()) {
    StringRef W = sys::path::filename(In[CompilerAt]);
    if (W != "ccache" && W != "distcc" && W != "sccache")
      break;
    ++CompilerAt;
  }
  if (CompilerAt) {
    std::vector<std::string> Unwrapped(In.begin() + CompilerAt, In.end());
    return sanitize(Unwrapped, Dropped);
  }
  std::vector<std::string> Out = {In[0]};
  if (!HasTarget) {
    Target = targetFromCompilerName(In[0]);
    if (!Target.empty())
      Out.push_back("--target=" + Target);
  }

  // Where each option starts and how many arguments it spans, and whether
  // clang's driver knows it.
  std::vector<const char *> Raw;
  for (size_t I = 1; I < In.size(); ++I)
    Raw.push_back(In[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  const opt::OptTable &Table = clang::driver::getDriverOptTable();
  opt::InputArgList Parsed = Table.ParseArgs(
      Raw, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang::driver::options::ClangOption));
  struct Span {
    unsigned Begin, End;
    bool Unknown;
  };
  std::vector<Span> Spans;
  for (const opt::Arg *A : Parsed)
    Spans.push_back(
        {A->getIndex(), 0,
         A->getOption().matches(clang::driver::options::OPT_UNKNOWN)});
  std::sort(Spans.begin(), Spans.end(),
            [](const Span &A, const Span &B) { return A.Begin < B.Begin; });
  for (size_t I = 0; I < Spans.size(); ++I)
    Spans[I].End = I + 1 < Spans.size() ? Spans[I + 1].Begin : Raw.size();

  auto Drop = [&](const std::string &Flag) {
    if (Dropped)
      Dropped->push_back(Flag);
  };
  for (const Span &S : Spans) {
    std::string First = Raw[S.Begin];
    StringRef F(First);
    bool TakesValue = false;
    if (isDependencyFlag(F, TakesValue))
      continue; // not a compile flag we care about; silently removed
    if (matchesTable(F)) {
      Drop(First);
      continue;
    }
    bool Candidate = S.Unknown || (F.starts_with("-m") && S.End == S.Begin + 1);
    if (Candidate && !accepted(Target, First)) {
      Drop(First);
      continue;
    }
    for (unsigned I = S.Begin; I < S.End; ++I)
      Out.push_back(Raw[I]);
  }
  return Out;
}

std::vector<clang::tooling::CompileCommand>
SingleCommandDatabase::getCompileCommands(StringRef File) const {
  return {Command};
}

} // namespace mpl
