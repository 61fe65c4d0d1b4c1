//===- TextReport.cpp -----------------------------------------------------===//
#include "core/Report.h"
#include "llvm/Support/Path.h"
#include <set>

namespace mpl {

Summary summarize(const Report &R) {
  Summary S;
  // A callback installed in several tables is one callback.
  std::set<std::string> Counted;
  for (const Finding &F : R.Findings) {
    ++S.ByCheck[F.Check];
    // A legacy callback whose definition was not analysed has no class.
    bool NotAnalysed =
        !F.Class && F.Check == check::LegacyHook && !F.Callback.empty();
    if ((F.Class || NotAnalysed) &&
        (F.Callback.empty() ||
         Counted
             .insert(F.Callback + "@" +
                     (F.CallbackFile.empty() ? F.Where.File : F.CallbackFile))
             .second))
      ++S.ByClassification[F.Class ? classificationName(*F.Class)
                                   : "not analysed"];
    S.Fixable += F.Fixable;
  }
  return S;
}

std::string displayPath(llvm::StringRef Path, llvm::StringRef BaseDir) {
  if (!BaseDir.empty() && Path.starts_with(BaseDir) &&
      Path.size() > BaseDir.size() &&
      llvm::sys::path::is_separator(Path[BaseDir.size()]))
    return Path.drop_front(BaseDir.size() + 1).str();
  return Path.str();
}

namespace {

/// `file:line:col: warning: message [check]`, as compilers write it.
void printFindingLine(llvm::raw_ostream &OS, const Finding &F,
                      llvm::StringRef BaseDir) {
  OS << displayPath(F.Where.File, BaseDir) << ":" << F.Where.Line << ":"
     << F.Where.Column << ": "
     << (F.Level == Severity::Error ? "error" : "warning") << ": " << F.Message
     << " [" << F.Check << "]\n";
}

} // namespace

void printText(llvm::raw_ostream &OS, const Report &R, bool Explain,
               llvm::StringRef BaseDir) {
  for (const Finding &F : R.Findings) {
    printFindingLine(OS, F, BaseDir);
    for (const FindingNote &N : F.Notes)
      OS << displayPath(N.Where.File, BaseDir) << ":" << N.Where.Line << ":"
         << N.Where.Column << ": note: " << N.Message << "\n";
    if (Explain)
      for (const std::string &Line : F.Explanation)
        OS << "  | " << Line << "\n";
  }
}

void printCompilerStyle(llvm::raw_ostream &OS, const Report &R,
                        llvm::StringRef BaseDir) {
  for (const Finding &F : R.Findings)
    printFindingLine(OS, F, BaseDir);
  for (const RunError &E : R.Errors)
    OS << displayPath(E.File, BaseDir)
       << ": warning: mmap-prepare-lint could not analyse this file: "
       << E.Message << "\n";
}

void printSummary(llvm::raw_ostream &OS, const Report &R) {
  Summary S = summarize(R);
  OS << R.Findings.size() << " finding" << (R.Findings.size() == 1 ? "" : "s")
     << " in " << R.TranslationUnits << " translation unit"
     << (R.TranslationUnits == 1 ? "" : "s");
  if (!S.ByClassification.empty()) {
    OS << "; callbacks:";
    const char *Sep = " ";
    for (const char *C : {"convertible", "manual", "blocked"}) {
      auto It = S.ByClassification.find(C);
      OS << Sep << (It == S.ByClassification.end() ? 0 : It->second) << " "
         << C;
      Sep = ", ";
    }
    if (auto It = S.ByClassification.find("not analysed");
        It != S.ByClassification.end())
      OS << ", " << It->second << " not analysed";
  }
  OS << "; " << S.Fixable << " fixable";
  if (R.Suppressed)
    OS << "; " << R.Suppressed << " suppressed";
  if (R.NotC)
    OS << "; " << R.NotC << " non-C unit" << (R.NotC == 1 ? "" : "s")
       << " skipped";
  if (!R.Errors.empty())
    OS << "; " << R.Errors.size() << " error"
       << (R.Errors.size() == 1 ? "" : "s");
  OS << "\n";
}

} // namespace mpl
