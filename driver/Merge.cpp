//===- Merge.cpp ----------------------------------------------------------===//
#include "driver/Merge.h"
#include "driver/Gate.h"
#include "driver/Session.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <tuple>

namespace mpl {
namespace {

/// Appends the errors of \p From not yet in \p To.
void addOnce(std::vector<RunError> &To, std::set<std::string> &Seen,
             const std::vector<RunError> &From) {
  for (const RunError &E : From)
    if (Seen.insert(E.File + '\0' + E.Message).second)
      To.push_back(E);
}

} // namespace

Report mergeReports(std::vector<Report> Parts) {
  Report Out;
  std::set<
      std::tuple<std::string, std::string, unsigned, unsigned, std::string>>
      SeenFindings;
  std::set<std::string> SeenErrors, SeenNotAnalysed;
  for (Report &P : Parts) {
    for (Finding &F : P.Findings)
      if (SeenFindings
              .insert({F.Check, F.Where.File, F.Where.Line, F.Where.Column,
                       F.Message})
              .second)
        Out.Findings.push_back(std::move(F));
    addOnce(Out.Errors, SeenErrors, P.Errors);
    addOnce(Out.NotAnalysed, SeenNotAnalysed, P.NotAnalysed);
    Out.TranslationUnits += P.TranslationUnits;
    Out.Skipped += P.Skipped;
    Out.NotC += P.NotC;
    Out.Suppressed += P.Suppressed;
  }
  sortInReportOrder(Out.Findings);
  return Out;
}

int runMerge(llvm::ArrayRef<const char *> Args) {
  OutputFormat Fmt = OutputFormat::Json;
  std::vector<std::string> Files;
  for (llvm::StringRef A : Args) {
    if (A.consume_front("--format=")) {
      std::optional<OutputFormat> F = parseOutputFormat(A);
      if (!F)
        return reportFatal("unknown --format '" + A +
                           "' (text, json or sarif)");
      Fmt = *F;
    } else if (A.starts_with("-")) {
      return reportFatal("merge: unknown option '" + A +
                         "'; usage: mmap-prepare-lint merge "
                         "[--format=json|sarif|text] <report.json>...");
    } else {
      Files.push_back(A.str());
    }
  }
  if (Files.empty())
    return reportFatal("merge: no report given; usage: mmap-prepare-lint "
                       "merge [--format=json|sarif|text] <report.json>...");
  std::vector<Report> Parts;
  std::vector<RunError> Unreadable;
  for (const std::string &File : Files) {
    Report Part;
    std::string Error;
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      Error = "cannot read: " + Buffer.getError().message();
    else if (readJsonReport((*Buffer)->getBuffer(), Part, Error))
      Parts.push_back(std::move(Part));
    if (!Error.empty())
      Unreadable.push_back({File, Error});
  }
  Report R = mergeReports(std::move(Parts));
  R.Errors.insert(R.Errors.begin(), Unreadable.begin(), Unreadable.end());
  SourceLines Lines;
  printFindings(llvm::outs(), Fmt, R, {}, "", Lines);
  llvm::outs().flush();
  for (const RunError &E : R.Errors)
    llvm::errs() << E.File << ": error: " << E.Message << "\n";
  printSummary(llvm::errs(), R);
  if (!R.Errors.empty())
    return ExitError;
  return R.Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace mpl
