//===- Report.h - a run's findings, errors and summary ----------*- C++ -*-===//
#ifndef MPL_CORE_REPORT_H
#define MPL_CORE_REPORT_H

#include "core/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace mpl {

/// Something that stopped part of the run: a file that could not be read,
/// parsed or written. Always names the file.
struct RunError {
  std::string File;
  std::string Message;
};

struct Report {
  std::vector<Finding> Findings;
  std::vector<RunError> Errors;
  unsigned TranslationUnits = 0;
  /// Units the text pre-filter proved cannot hold a finding (not parsed).
  unsigned Skipped = 0;
  /// Database entries in another language than C (the assembler sources of
  /// a full kernel build): never parsed, counted.
  unsigned NotC = 0;
  /// Findings silenced by NOLINT comments or --suppressions.
  unsigned Suppressed = 0;
  /// Files that may hold a finding but could not be analysed (found by a
  /// directory scan, missing from the compile database, no usable command):
  /// listed with the reason, never silently dropped; not errors.
  std::vector<RunError> NotAnalysed;
  /// What a run says once about its outputs (a --patches tree without
  /// get_maintainer.pl): printed as notes, never an error.
  std::vector<RunError> Notes;
};

struct Summary {
  std::map<std::string, unsigned> ByCheck;
  std::map<std::string, unsigned> ByClassification;
  unsigned Fixable = 0;
};

Summary summarize(const Report &R);

/// Paths under \p BaseDir are printed relative to it.
std::string displayPath(llvm::StringRef Path, llvm::StringRef BaseDir);

/// clang-style text: `file:line:col: warning: message [check]` and notes.
void printText(llvm::raw_ostream &OS, const Report &R, bool Explain,
               llvm::StringRef BaseDir);
/// One line per finding and per error, nothing else: what a build log
/// shows for a checker (kbuild's CHECK), errors as warnings.
void printCompilerStyle(llvm::raw_ostream &OS, const Report &R,
                        llvm::StringRef BaseDir);
/// The one-paragraph summary printed after the findings.
void printSummary(llvm::raw_ostream &OS, const Report &R);

/// The order of a report's findings, whatever units found them: source
/// order (file, line, column), then check and message.
bool reportOrder(const Finding &A, const Finding &B);
/// Sorts \p Findings in reportOrder(), equal ones in their order.
void sortInReportOrder(std::vector<Finding> &Findings);

/// The versioned JSON document (schema in docs/output-formats.md).
std::string jsonReport(const Report &R, bool Explain, llvm::StringRef BaseDir);
inline constexpr int JsonSchemaVersion = 1;
/// Adds a jsonReport() document (without the edits it never holds) to
/// \p R: its findings, errors and files not analysed, and its unit counts.
/// False with \p Error set when \p Text is not such a document.
bool readJsonReport(llvm::StringRef Text, Report &R, std::string &Error);

} // namespace mpl

#endif
