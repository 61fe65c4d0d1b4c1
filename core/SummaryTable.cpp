//===- SummaryTable.cpp - the end-of-run table ---------------------------===//
#include "core/Formats.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"

namespace mpl {

void printSummaryTable(llvm::raw_ostream &OS, const Report &R, SummaryBy By,
                       llvm::StringRef BaseDir) {
  Summary S = summarize(R);
  std::map<std::string, unsigned> FixableByCheck;
  for (const Finding &F : R.Findings)
    FixableByCheck[F.Check] += F.Fixable;
  OS << "\n"
     << llvm::left_justify("check", 34) << llvm::right_justify("findings", 9)
     << llvm::right_justify("fixable", 9) << "\n";
  for (const auto &[Check, N] : S.ByCheck)
    OS << llvm::left_justify(Check, 34)
       << llvm::right_justify(std::to_string(N), 9)
       << llvm::right_justify(std::to_string(FixableByCheck[Check]), 9) << "\n";
  OS << llvm::left_justify("total", 34)
     << llvm::right_justify(std::to_string(R.Findings.size()), 9)
     << llvm::right_justify(std::to_string(S.Fixable), 9) << "\n";

  OS << "\n"
     << llvm::left_justify("classification", 34)
     << llvm::right_justify("callbacks", 9) << "\n";
  for (const char *C : {"convertible", "manual", "blocked"}) {
    auto It = S.ByClassification.find(C);
    OS << llvm::left_justify(C, 34)
       << llvm::right_justify(
              std::to_string(It == S.ByClassification.end() ? 0 : It->second),
              9)
       << "\n";
  }

  if (By == SummaryBy::Dir) {
    struct Row {
      unsigned Findings = 0, Convertible = 0, Manual = 0, Blocked = 0,
               Fixable = 0;
    };
    std::map<std::string, Row> Dirs;
    for (const Finding &F : R.Findings) {
      std::string Dir(
          llvm::sys::path::parent_path(displayPath(F.Where.File, BaseDir)));
      Row &Rw = Dirs[Dir.empty() ? "." : Dir];
      ++Rw.Findings;
      Rw.Fixable += F.Fixable;
      if (F.Class)
        ++(*F.Class == Classification::Convertible ? Rw.Convertible
           : *F.Class == Classification::Manual    ? Rw.Manual
                                                   : Rw.Blocked);
    }
    OS << "\n"
       << llvm::left_justify("directory", 34)
       << llvm::right_justify("findings", 9) << llvm::right_justify("conv", 6)
       << llvm::right_justify("manual", 7) << llvm::right_justify("blocked", 8)
       << llvm::right_justify("fixable", 9) << "\n";
    for (const auto &[Dir, Rw] : Dirs)
      OS << llvm::left_justify(Dir, 34)
         << llvm::right_justify(std::to_string(Rw.Findings), 9)
         << llvm::right_justify(std::to_string(Rw.Convertible), 6)
         << llvm::right_justify(std::to_string(Rw.Manual), 7)
         << llvm::right_justify(std::to_string(Rw.Blocked), 8)
         << llvm::right_justify(std::to_string(Rw.Fixable), 9) << "\n";
  }

  OS << "\ntranslation units: " << R.TranslationUnits << " analysed, "
     << R.Skipped << " skipped by the pre-filter, ";
  if (R.NotC)
    OS << R.NotC << " not C, ";
  OS << R.NotAnalysed.size() << " not analysed, " << R.Errors.size() << " error"
     << (R.Errors.size() == 1 ? "" : "s") << "\n";
}

} // namespace mpl
