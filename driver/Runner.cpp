//===- Runner.cpp - LibTooling driver for the CLI -------------------------===//
#include "driver/Runner.h"
#include "core/EditApplier.h"
#include "core/EngineOptionSpec.h"
#include "core/FaultHooks.h"
#include "driver/CompileCommands.h"
#include "driver/Prefilter.h"
#include "driver/ResultCache.h"
#include "driver/Wire.h"
#include "driver/WorkerPool.h"
#include "matchers/KernelApi.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Decl.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <set>
#include <thread>
#include <unistd.h>

using namespace clang;
using namespace clang::tooling;

namespace mpl {
namespace {

/// Counts errors and keeps the first one; warnings are not our business.
class ErrorCollector : public DiagnosticConsumer {
public:
  unsigned Errors = 0;
  std::string First;
  /// With an explicit --api newer than the headers, the rewrite names
  /// helpers those headers lack on purpose: only errors about such names
  /// are tolerated, any other error still refuses the rewrite.
  bool TolerateNewerApi = false;
  unsigned Tolerated = 0;

  static bool aboutNewerApi(const Diagnostic &Info) {
    for (unsigned I = 0; I < Info.getNumArgs(); ++I) {
      std::string Name;
      switch (Info.getArgKind(I)) {
      case DiagnosticsEngine::ak_identifierinfo:
        if (const IdentifierInfo *II = Info.getArgIdentifier(I))
          Name = II->getName().str();
        break;
      case DiagnosticsEngine::ak_declarationname:
        Name = DeclarationName::getFromOpaqueInteger(Info.getRawArg(I))
                   .getAsString();
        break;
      case DiagnosticsEngine::ak_std_string:
        Name = Info.getArgStdStr(I);
        break;
      case DiagnosticsEngine::ak_qualtype: {
        // "incomplete definition of type 'struct vm_area_desc'" (6.12).
        QualType T = QualType::getFromOpaquePtr(
            reinterpret_cast<void *>(Info.getRawArg(I)));
        if (T.getAsString().find("vm_area_desc") != std::string::npos)
          return true;
        break;
      }
      default:
        break;
      }
      if (!Name.empty() && isNewerApiName(Name))
        return true;
    }
    return false;
  }

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    if (TolerateNewerApi && aboutNewerApi(Info)) {
      ++Tolerated;
      return;
    }
    if (Errors++ == 0) {
      SmallString<128> Msg;
      Info.FormatDiagnostic(Msg);
      if (Info.hasSourceManager() && Info.getLocation().isValid()) {
        PresumedLoc PL =
            Info.getSourceManager().getPresumedLoc(Info.getLocation());
        if (PL.isValid())
          First = std::string(PL.getFilename()) + ":" +
                  std::to_string(PL.getLine()) + ": ";
      }
      First += Msg.str().str();
    }
  }
};

/// Does a function outside the main file need its body parsed? Only those
/// that take or build the objects the engine follows: the engine analyses
/// callbacks (file, vm_area_struct), mmap_prepare hooks (vm_area_desc) and
/// the helpers they pass the vma to; every other body is skipped.
bool bodyMatters(const Decl *D) {
  const FunctionDecl *FD = D->getAsFunction();
  if (!FD)
    return true;
  auto Interesting = [](QualType T) {
    while (!T.isNull()) {
      if (const auto *P = T->getAs<PointerType>()) {
        T = P->getPointeeType();
        continue;
      }
      if (const auto *A = T->getAsArrayTypeUnsafe()) {
        T = A->getElementType();
        continue;
      }
      break;
    }
    if (T.isNull())
      return false;
    if (const auto *RT = T->getAs<RecordType>()) {
      StringRef Name = RT->getDecl()->getName();
      return Name == "vm_area_struct" || Name == "vm_area_desc";
    }
    return false;
  };
  for (const ParmVarDecl *P : FD->parameters())
    if (Interesting(P->getType()))
      return true;
  return false;
}

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const EngineOptions &Opts, TranslationUnitResult &Out,
                   SourceManager &SM, bool SkipBodies)
      : Opts(Opts), Out(Out), SM(SM), SkipBodies(SkipBodies) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Out = analyzeTranslationUnit(Ctx, Opts);
  }
  bool shouldSkipFunctionBody(Decl *D) override {
    if (!SkipBodies)
      return false;
    SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
    if (SM.isWrittenInMainFile(Loc))
      return false;
    return !bodyMatters(D);
  }

private:
  const EngineOptions &Opts;
  TranslationUnitResult &Out;
  SourceManager &SM;
  bool SkipBodies;
};

/// Every file the compiler read for the unit, by absolute path, with the
/// digest of the bytes it parsed (what the result cache compares).
std::vector<Dependency> filesRead(const SourceManager &SM) {
  std::vector<Dependency> Read;
  llvm::vfs::FileSystem &FS = SM.getFileManager().getVirtualFileSystem();
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    std::optional<llvm::MemoryBufferRef> Bytes =
        It->second->getBufferIfLoaded();
    if (!Bytes)
      continue;
    SmallString<256> Path(It->first.getName());
    FS.makeAbsolute(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Read.push_back(
        {std::string(Path.str()), contentDigest(Bytes->getBuffer())});
  }
  std::sort(
      Read.begin(), Read.end(),
      [](const Dependency &A, const Dependency &B) { return A.Path < B.Path; });
  return Read;
}

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const EngineOptions &Opts, TranslationUnitResult &Out,
                 bool SkipBodies, std::vector<Dependency> *Read)
      : Opts(Opts), Out(Out), SkipBodies(SkipBodies), Read(Read) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    // The parser asks the consumer per function (shouldSkipFunctionBody)
    // only when this is set.
    CI.getFrontendOpts().SkipFunctionBodies = SkipBodies;
    return std::make_unique<AnalysisConsumer>(Opts, Out, CI.getSourceManager(),
                                              SkipBodies);
  }
  void EndSourceFileAction() override {
    if (Read)
      *Read = filesRead(getCompilerInstance().getSourceManager());
  }

private:
  const EngineOptions &Opts;
  TranslationUnitResult &Out;
  bool SkipBodies;
  std::vector<Dependency> *Read;
};

/// -fsyntax-only, skipping header bodies except in the given files (the
/// rewritten ones must be parsed whole).
class VerifyConsumer : public ASTConsumer {
public:
  VerifyConsumer(SourceManager &SM, const std::set<std::string> &Keep)
      : SM(SM), Keep(Keep) {}
  bool shouldSkipFunctionBody(Decl *D) override {
    SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
    if (SM.isWrittenInMainFile(Loc))
      return false;
    OptionalFileEntryRef FE = SM.getFileEntryRefForID(SM.getFileID(Loc));
    if (!FE)
      return false;
    SmallString<256> P(FE->getName());
    llvm::sys::fs::make_absolute(P);
    llvm::sys::path::remove_dots(P, true);
    return !Keep.count(std::string(P.str())) && !bodyMatters(D);
  }

private:
  SourceManager &SM;
  const std::set<std::string> &Keep;
};

class VerifyAction : public ASTFrontendAction {
public:
  explicit VerifyAction(const std::set<std::string> &Keep) : Keep(Keep) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    return std::make_unique<VerifyConsumer>(CI.getSourceManager(), Keep);
  }

private:
  const std::set<std::string> &Keep;
};

template <typename MakeAction> class Factory : public FrontendActionFactory {
public:
  explicit Factory(MakeAction Make) : Make(std::move(Make)) {}
  std::unique_ptr<FrontendAction> create() override { return Make(); }

private:
  MakeAction Make;
};

template <typename MakeAction> Factory<MakeAction> makeFactory(MakeAction M) {
  return Factory<MakeAction>(std::move(M));
}

/// Flags every analysis run gets: warnings off (only errors matter to us),
/// and clang 19's own builtin headers.
ArgumentsAdjuster analysisAdjuster() {
  ArgumentsAdjuster Adjust = getClangSyntaxOnlyAdjuster();
  Adjust = combineAdjusters(Adjust, getClangStripOutputAdjuster());
  Adjust = combineAdjusters(Adjust, getClangStripDependencyFileAdjuster());
  Adjust = combineAdjusters(
      Adjust,
      getInsertArgumentAdjuster({"-w", "-fno-caret-diagnostics",
                                 "-resource-dir=" MPL_CLANG_RESOURCE_DIR},
                                ArgumentInsertPosition::END));
  return Adjust;
}

std::string readFile(const std::string &Path, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = Buffer.getError().message();
    return "";
  }
  return (*Buffer)->getBuffer().str();
}

std::string findingKey(const Finding &F) {
  return F.Check + "\x01" + F.Where.File + "\x01" +
         std::to_string(F.Where.Line) + "\x01" +
         std::to_string(F.Where.Column) + "\x01" + F.Message;
}

/// The progress line: on a terminal only, redrawn in place.
class Progress {
public:
  Progress(bool Enabled, size_t Total)
      : Enabled(Enabled && ::isatty(STDERR_FILENO) && Total > 0), Total(Total),
        Start(std::chrono::steady_clock::now()) {}
  void update(size_t Done, size_t Findings, size_t Failed) {
    if (!Enabled)
      return;
    double Elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
    std::string Eta = "--";
    if (Done > 0 && Done < Total) {
      unsigned S = static_cast<unsigned>(Elapsed / Done * (Total - Done));
      Eta = (S >= 60 ? std::to_string(S / 60) + "m" : std::string()) +
            std::to_string(S % 60) + "s";
    } else if (Done == Total) {
      Eta = "0s";
    }
    llvm::errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << Findings
                 << " finding" << (Findings == 1 ? "" : "s");
    if (Failed)
      llvm::errs() << ", " << Failed << " failed";
    llvm::errs() << ", ETA " << Eta;
    llvm::errs().flush();
  }
  ~Progress() {
    if (Enabled)
      llvm::errs() << "\r\x1b[K";
  }

private:
  bool Enabled;
  size_t Total;
  std::chrono::steady_clock::time_point Start;
};

} // namespace

unsigned defaultJobs() {
  unsigned N = std::thread::hardware_concurrency();
  return N ? N : 1;
}

std::string analyzeUnitPayload(const UnitCommand &U,
                               const RunnerOptions &Opts) {
  if (auto *Hook = faultHooks().BeforeAnalysis)
    Hook(U.File);
  UnitResult Result;
  SingleCommandDatabase DB(U.Command);
  ClangTool Tool(DB, {U.File});
  Tool.appendArgumentsAdjuster(analysisAdjuster());
  ErrorCollector Diags;
  Tool.setDiagnosticConsumer(&Diags);
  Tool.setPrintErrorMessage(false);
  TranslationUnitResult Unit;
  auto F = makeFactory([&] {
    return std::make_unique<AnalysisAction>(
        Opts.Engine, Unit, Opts.SkipBodies,
        Opts.CacheDir.empty() ? nullptr : &Result.Read);
  });
  int Status = Tool.run(&F);
  Result.CompilerErrors = Diags.Errors;
  Result.FirstCompilerError = Diags.First;
  Result.DriverFailed = Status != 0 && Diags.Errors == 0;
  Result.Findings = std::move(Unit.Findings);
  Result.Suppressed = Unit.Suppressed;
  Result.CrossUnit = std::move(Unit.CrossUnit);
  return encodeUnitResult(Result);
}

Runner::Runner(const CompilationDatabase &DB, RunnerOptions Opts,
               CommandSanitizer &Sanitizer)
    : DB(DB), Opts(std::move(Opts)), Sanitizer(Sanitizer) {
  if (!this->Opts.Jobs)
    this->Opts.Jobs = defaultJobs();
  // A test build that injects faults must see its workers run.
  const FaultHooks &Faults = faultHooks();
  if (!this->Opts.CacheDir.empty() && !Faults.BeforeAnalysis &&
      !Faults.WriteStallSeconds)
    Cache = std::make_unique<ResultCache>(this->Opts.CacheDir, resultKey(),
                                          this->Opts.CacheMaxBytes);
  else
    this->Opts.CacheDir.clear();
}

std::string Runner::resultKey() const {
  // Everything besides the command and the files read that decides what a
  // worker sends back.
  const EngineOptions &E = Opts.Engine;
  std::string Suppressions;
  if (!E.SuppressionsFile.empty())
    if (auto Buffer = llvm::MemoryBuffer::getFile(E.SuppressionsFile))
      Suppressions = contentDigest((*Buffer)->getBuffer());
  std::string Key = toolBuildKey() + '\n' + engineOptionsKey(E) + '\n' +
                    E.Checks.spec() + '\n' + Suppressions + '\n' +
                    (Opts.CollectFixes ? "fixes" : "") + '\n' +
                    (Opts.SkipBodies ? "skip-bodies" : "") + '\n';
  // The compiler's own search paths from the environment.
  for (const char *Var : {"CPATH", "C_INCLUDE_PATH"})
    if (const char *V = std::getenv(Var))
      Key += std::string(Var) + '=' + V + '\n';
  return Key;
}

Runner::~Runner() = default;

Report Runner::analyze(const std::vector<std::string> &Files,
                       const std::set<std::string> &Optional) {
  Report R;
  std::vector<UnitCommand> Units = unitCommands(Files, Optional, R);
  if (Opts.Prefilter)
    Units = prefilter(std::move(Units), R);
  if (Opts.PrefilterReport) {
    llvm::errs() << Units.size() << " to analyse, " << R.Skipped
                 << " skipped by the pre-filter\n";
    return R; // a dry run: nothing is parsed
  }

  std::vector<AnalysedUnit> Analysed(Units.size());
  std::vector<size_t> All(Units.size());
  for (size_t I = 0; I < Units.size(); ++I) {
    Analysed[I].Command = std::move(Units[I]);
    All[I] = I;
  }
  runUnits(Analysed, All, Opts.Progress);
  resolveCrossUnit(Analysed);

  if (Cache) {
    Cache->trim();
    for (const std::string &Note : Cache->notes())
      llvm::errs() << "mmap-prepare-lint: cache: " << Note << "\n";
  }
  if (Opts.CacheStats)
    llvm::errs() << "mmap-prepare-lint: " << Parsed << " unit"
                 << (Parsed == 1 ? "" : "s") << " parsed, "
                 << (Cache ? Cache->hits() : 0) << " from the result cache"
                 << (Cache ? "" : " (off)") << "\n";

  std::set<std::string> Seen;
  for (AnalysedUnit &A : Analysed)
    mergeUnit(A, Optional, Seen, R);
  // One order for any split of the units (--shard, merge).
  sortInReportOrder(R.Findings);
  return R;
}

std::vector<UnitCommand>
Runner::unitCommands(const std::vector<std::string> &Files,
                     const std::set<std::string> &Optional, Report &R) {
  std::vector<UnitCommand> Units;
  auto NotAnalysed = [&](const std::string &File, const std::string &Why) {
    if (Optional.count(File))
      R.NotAnalysed.push_back({File, Why});
    else
      R.Errors.push_back({File, Why});
  };
  for (const std::string &File : Files) {
    if (!llvm::sys::fs::exists(File)) {
      R.Errors.push_back({File, "no such file"});
      continue;
    }
    if (llvm::sys::fs::is_directory(File)) {
      R.Errors.push_back({File, "is a directory, not a source file"});
      continue;
    }
    std::string ReadError;
    std::string Text = readFile(File, ReadError);
    if (!ReadError.empty()) {
      R.Errors.push_back({File, "cannot read: " + ReadError});
      continue;
    }
    if (Text.find('\0') != std::string::npos) {
      R.Errors.push_back(
          {File, "a binary file (NUL bytes), not C source; not analysed"});
      continue;
    }
    UnitCommand U;
    std::string Why;
    if (!commandFor(File, U, Why)) {
      NotAnalysed(File, Why + "; not analysed");
      continue;
    }
    Units.push_back(std::move(U));
  }

  return Units;
}

std::vector<UnitCommand> Runner::prefilter(std::vector<UnitCommand> Units,
                                           Report &R) {
  // In this process: the pre-filter's header cache serves every unit.
  std::vector<std::string> Keywords = defaultPrefilterKeywords();
  for (const auto &[Struct, Field] : Opts.Engine.ExtraSlots) {
    Keywords.push_back(Struct);
    Keywords.push_back(Field);
  }
  Prefilter Filter(std::move(Keywords), siteWords(Opts.Engine.ExtraSlots));
  std::vector<UnitCommand> Todo;
  for (UnitCommand &U : Units) {
    std::string Why;
    bool Analyse = Filter.mustAnalyse(U.Command, &Why);
    if (Opts.PrefilterReport)
      llvm::errs() << (Analyse ? "analyse: " : "skip: ") << U.File
                   << (Analyse ? " (" + Why + ")" : std::string()) << "\n";
    if (Analyse)
      Todo.push_back(std::move(U));
    else
      ++R.Skipped;
  }
  return Todo;
}

void Runner::mergeUnit(AnalysedUnit &A, const std::set<std::string> &Optional,
                       std::set<std::string> &Seen, Report &R) {
  const UnitCommand &U = A.Command;
  Commands[U.File] = U;
  ++R.TranslationUnits;
  if (!A.Decoded) {
    const JobOutcome &O = A.Outcome;
    std::string Why = O.K == JobOutcome::Done
                          ? std::string("the analysis sent a malformed result")
                          : O.describe(Opts.TimeoutSeconds) + "; not analysed";
    if (A.Requested)
      R.Errors.push_back({U.File, Why});
    else
      R.NotAnalysed.push_back({U.File, Why});
    return;
  }
  UnitResult &Unit = A.Result;
  R.Suppressed += Unit.Suppressed;
  bool Clean = A.clean();
  if (!Clean) {
    std::string Why =
        Unit.CompilerErrors
            ? std::to_string(Unit.CompilerErrors) + " compiler error" +
                  (Unit.CompilerErrors == 1 ? "" : "s") +
                  " (first: " + Unit.FirstCompilerError +
                  "); findings may be incomplete, no fixes from this file"
            : "the compiler could not run on this file" +
                  (Unit.FirstCompilerError.empty()
                       ? std::string()
                       : " (" + Unit.FirstCompilerError + ")");
    if (!U.Inferred.empty())
      Why += " [command " + U.Inferred + "]";
    if (Optional.count(U.File) || !A.Requested)
      R.NotAnalysed.push_back({U.File, Why});
    else
      R.Errors.push_back({U.File, Why});
  }
  for (const RunError &E : Unit.Errors)
    R.Errors.push_back(E);
  UnitFixes UF;
  UF.MainFiles = {U.File};
  for (Finding &Found : Unit.Findings) {
    if (!A.Requested && !A.OnlyCallbacks.count(Found.Callback))
      continue;
    if (Clean && Opts.CollectFixes && A.Requested)
      UF.Edits.insert(UF.Edits.end(), Found.Fix.begin(), Found.Fix.end());
    if (Seen.insert(findingKey(Found)).second)
      R.Findings.push_back(std::move(Found));
  }
  if (!UF.Edits.empty())
    Fixes.push_back(std::move(UF));
}

void Runner::runUnits(std::vector<AnalysedUnit> &Units,
                      const std::vector<size_t> &Which, bool ShowProgress) {
  size_t Done = 0, FindingsSoFar = 0, Failed = 0;
  Progress Bar(ShowProgress, Which.size());
  // The units the cache cannot answer for. A defining unit's second pass is
  // keyed by the other units' facts too.
  struct Job {
    size_t Unit;
    std::string Facts;
  };
  std::vector<Job> ToRun;
  for (size_t U : Which) {
    AnalysedUnit &A = Units[U];
    A.Result = UnitResult();
    std::string Facts;
    if (Cache && !A.DefinedHere.empty())
      Facts = encodeFacts(A.DefinedHere);
    std::optional<std::string> Payload;
    if (Cache)
      Payload = Cache->lookup(A.Command.Command, Facts);
    if (Payload && decodeUnitResult(*Payload, A.Result)) {
      A.Decoded = true;
      A.Outcome = JobOutcome();
      A.Outcome.K = JobOutcome::Done;
      ++Done;
      FindingsSoFar += A.Result.Findings.size();
      continue;
    }
    A.Result = UnitResult();
    ToRun.push_back({U, std::move(Facts)});
  }
  Bar.update(Done, FindingsSoFar, Failed);
  PoolOptions Pool;
  Pool.Workers = Opts.Jobs;
  Pool.TimeoutSeconds = Opts.TimeoutSeconds;
  std::vector<JobOutcome> Outcomes = runJobs(
      ToRun.size(), Pool,
      [&](size_t I) {
        AnalysedUnit &A = Units[ToRun[I].Unit];
        if (A.DefinedHere.empty())
          return analyzeUnitPayload(A.Command, Opts);
        RunnerOptions WithFacts = Opts;
        WithFacts.Engine.DefinedHere = A.DefinedHere;
        return analyzeUnitPayload(A.Command, WithFacts);
      },
      [&](size_t I, const JobOutcome &O) {
        AnalysedUnit &A = Units[ToRun[I].Unit];
        ++Done;
        A.Result = UnitResult();
        A.Decoded =
            O.K == JobOutcome::Done && decodeUnitResult(O.Payload, A.Result);
        if (A.Decoded)
          FindingsSoFar += A.Result.Findings.size();
        else
          ++Failed;
        // Stored as a hit will decode it: the result without the list of
        // files read, which the entry keeps beside it. A unit the compiler
        // read nothing for has nothing to validate an entry by.
        if (A.Decoded && Cache && !A.Result.Read.empty()) {
          std::vector<Dependency> Read = std::move(A.Result.Read);
          A.Result.Read.clear();
          Cache->store(A.Command.Command, ToRun[I].Facts,
                       encodeUnitResult(A.Result), Read);
        }
        Bar.update(Done, FindingsSoFar, Failed);
      });
  for (size_t I = 0; I < ToRun.size(); ++I)
    Units[ToRun[I].Unit].Outcome = std::move(Outcomes[I]);
  Parsed += ToRun.size();
}

bool Runner::commandFor(const std::string &File, UnitCommand &U,
                        std::string &Why) {
  std::vector<CompileCommand> Cmds = DB.getCompileCommands(File);
  if (Cmds.empty()) {
    Why = "not in the compile database";
    return false;
  }
  U.File = File;
  U.Command = Cmds.front();
  U.Inferred = U.Command.Heuristic;
  if (!U.Command.Directory.empty() &&
      !llvm::sys::fs::is_directory(U.Command.Directory)) {
    Why = "the compile command's directory '" + U.Command.Directory +
          "' does not exist";
    return false;
  }
  U.Command.CommandLine = Sanitizer.sanitize(U.Command.CommandLine);
  return true;
}

std::vector<std::vector<std::string>>
Runner::changeSets(const std::map<std::string, FileRewrite> &Rewrites) const {
  // Union-find over the files each UnitFixes touches.
  std::map<std::string, std::string> Parent;
  std::function<std::string(const std::string &)> Find =
      [&](const std::string &F) -> std::string {
    std::string &P = Parent[F];
    if (P.empty() || P == F)
      return P = F;
    return P = Find(P);
  };
  for (const auto &[Path, Rewrite] : Rewrites)
    Find(Path);
  for (const UnitFixes &U : Fixes) {
    std::string First;
    for (const Edit &E : U.Edits) {
      if (!Rewrites.count(E.File))
        continue;
      if (First.empty())
        First = Find(E.File);
      else
        Parent[Find(E.File)] = First;
    }
  }
  std::map<std::string, std::vector<std::string>> Sets;
  for (const auto &[Path, Rewrite] : Rewrites)
    Sets[Find(Path)].push_back(Path);
  std::vector<std::vector<std::string>> Out;
  for (auto &[Root, Files] : Sets)
    Out.push_back(std::move(Files));
  std::sort(Out.begin(), Out.end());
  return Out;
}

std::map<std::string, std::vector<Edit>> Runner::editsByFile() const {
  std::vector<Edit> All;
  for (const UnitFixes &U : Fixes)
    All.insert(All.end(), U.Edits.begin(), U.Edits.end());
  return groupEditsByFile(All);
}

std::map<std::string, FileRewrite> Runner::prepareRewrites(Report &R) {
  std::map<std::string, FileRewrite> Rewrites;
  std::set<std::string> Refused;
  for (auto &[Path, Edits] : editsByFile()) {
    std::string ReadError;
    std::string Before = readFile(Path, ReadError);
    if (!ReadError.empty()) {
      R.Errors.push_back({Path, "cannot read: " + ReadError});
      Refused.insert(Path);
      continue;
    }
    ApplyResult Applied = applyEdits(Before, Edits);
    if (!Applied.Error.empty()) {
      R.Errors.push_back({Path, Applied.Error + "; file left unchanged"});
      Refused.insert(Path);
      continue;
    }
    Rewrites[Path] = {std::move(Before), std::move(Applied.Text)};
  }

  // A translation unit whose edits do not re-parse loses all of them. The
  // re-parses run in workers too: they are full clang runs.
  // A conversion spanning units is verified in each of them, and refused
  // as a whole when one fails.
  std::vector<std::pair<const UnitFixes *, std::string>> Verify;
  for (const UnitFixes &U : Fixes) {
    bool Touched = false;
    for (const Edit &E : U.Edits)
      Touched |= Rewrites.count(E.File) > 0;
    for (const std::string &Main : U.MainFiles)
      if (Touched && Commands.count(Main))
        Verify.push_back({&U, Main});
  }
  std::set<std::string> Overlaid;
  for (const auto &[Path, Rewrite] : Rewrites)
    Overlaid.insert(Path);
  PoolOptions Pool;
  Pool.Workers = Opts.Jobs;
  Pool.TimeoutSeconds = Opts.TimeoutSeconds;
  std::vector<JobOutcome> Outcomes =
      runJobs(Verify.size(), Pool, [&](size_t I) -> std::string {
        const UnitCommand &U = Commands.at(Verify[I].second);
        SingleCommandDatabase One(U.Command);
        ClangTool Tool(One, {U.File});
        Tool.appendArgumentsAdjuster(analysisAdjuster());
        // Every error is judged: tolerated newer-API errors must not reach
        // clang's limit of 20 and stop the check with a fatal error.
        Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
            "-ferror-limit=0", ArgumentInsertPosition::END));
        for (const auto &[Path, Rewrite] : Rewrites)
          Tool.mapVirtualFile(Path, Rewrite.After);
        if (!Opts.Engine.Api.isAuto()) {
          // An explicit level may be newer than the headers. The check then
          // stands in for the newer headers' type: without it, a renamed
          // prototype in a header would declare `struct vm_area_desc` in
          // its own scope and clash with the definition.
          const char *Types = "/mmap-prepare-lint/newer-api-types.h";
          Tool.mapVirtualFile(Types, "struct vm_area_desc;\n");
          Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
              {"-include", Types}, ArgumentInsertPosition::END));
        }
        ErrorCollector Diags;
        Diags.TolerateNewerApi = !Opts.Engine.Api.isAuto();
        Tool.setDiagnosticConsumer(&Diags);
        Tool.setPrintErrorMessage(false);
        auto F = makeFactory(
            [&] { return std::make_unique<VerifyAction>(Overlaid); });
        int Status = Tool.run(&F);
        // Tolerated errors still make clang report failure.
        if (Diags.Errors == 0 && (Status == 0 || Diags.Tolerated > 0))
          return "ok";
        return Diags.First.empty() ? std::string("the compiler could not run")
                                   : Diags.First;
      });
  for (size_t I = 0; I < Verify.size(); ++I) {
    const JobOutcome &O = Outcomes[I];
    if (O.K == JobOutcome::Done && O.Payload == "ok")
      continue;
    std::string Why = O.K == JobOutcome::Done
                          ? O.Payload
                          : "re-parse " + O.describe(Opts.TimeoutSeconds);
    for (const Edit &E : Verify[I].first->Edits)
      if (Rewrites.erase(E.File))
        R.Errors.push_back({E.File, "the rewritten file does not compile (" +
                                        Why + "); file left unchanged"});
  }
  for (const std::string &Path : Refused)
    Rewrites.erase(Path);
  return Rewrites;
}

} // namespace mpl
