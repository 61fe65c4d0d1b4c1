//===- Formats.h - CI output formats: SARIF, fixes YAML, baseline -*- C++ -*-=//
//
// Writers for the formats CI systems read (docs/output-formats.md):
//   - SARIF 2.1.0 with stable rule ids and line-shift-proof fingerprints;
//   - clang-apply-replacements YAML (--export-fixes);
//   - the baseline file (--baseline / --write-baseline);
//   - git format-patch mails (--patches);
//   - the end-of-run summary table.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_FORMATS_H
#define MPL_CORE_FORMATS_H

#include "core/Report.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace mpl {

/// Reads source files once and answers line/offset questions about them.
class SourceLines {
public:
  /// The text of 1-based \p Line without its newline ("" if unknown).
  llvm::StringRef line(const std::string &File, unsigned Line);
  /// The line with runs of whitespace folded to one space, trimmed.
  std::string normalizedLine(const std::string &File, unsigned Line);
  /// Byte offset of 1-based line/column (0 if unknown).
  unsigned offset(const std::string &File, unsigned Line, unsigned Column);

private:
  struct Text {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<unsigned> LineStarts;
  };
  const Text *get(const std::string &File);
  std::map<std::string, Text> Files;
};

/// The identity of a finding that survives line shifts: check, file (as
/// displayed), callback and the normalized text of the finding's line, plus
/// an occurrence number when those repeat. Hex digest.
std::vector<std::string> findingFingerprints(const Report &R,
                                             llvm::StringRef BaseDir,
                                             SourceLines &Lines);

struct SarifOptions {
  llvm::StringRef BaseDir;
  std::string ToolVersion;
  /// Prefix of each rule's helpUri ("<prefix><check id>.md").
  std::string HelpUriBase;
  /// The tool's home (tool.driver.informationUri).
  std::string InformationUri;
  /// Set when a baseline was given: results carry baselineState "new".
  bool Baselined = false;
};
std::string sarifReport(const Report &R, const SarifOptions &Opts,
                        SourceLines &Lines);

/// clang-apply-replacements' YAML: one diagnostic per finding that carries
/// edits, edits limited to \p KeptFiles, each distinct edit written once.
std::string exportFixesYaml(const Report &R,
                            const std::set<std::string> &KeptFiles,
                            llvm::StringRef MainSourceFile,
                            llvm::StringRef BuildDirectory, SourceLines &Lines);

/// Baseline: a JSON file of fingerprints (with check/file/line for people).
std::string baselineFile(const Report &R,
                         const std::vector<std::string> &Fingerprints,
                         llvm::StringRef BaseDir);
/// Reads the fingerprints of a baseline file; false with \p Error set when
/// the file is unreadable or malformed.
bool readBaseline(llvm::StringRef Path, std::multiset<std::string> &Out,
                  std::string &Error);

struct PatchFile {
  /// Path shown in the diff, relative to the tree root.
  std::string RelPath;
  std::string Before, After;
};

/// Who a mail goes to: "Name <mail>" or a bare list address each, as
/// get_maintainer.pl prints them.
struct Recipients {
  std::vector<std::string> To, Cc;
  bool empty() const { return To.empty() && Cc.empty(); }
};

struct PatchInput {
  /// The files of one change: a callback defined in one file and installed
  /// in others changes in all of them at once.
  std::vector<PatchFile> Files;
  /// Subject prefix ("char: mem").
  std::string Prefix;
  /// Callbacks converted by this change.
  std::vector<std::string> Callbacks;
  /// What the analysis found the conversions change in behaviour
  /// (Finding::Changes), one clause each.
  std::vector<std::string> Changes;
  /// "Name <email>" of a Signed-off-by: trailer (--signoff); empty: none.
  std::string SignedOffBy;
  /// "[PATCH n/N]" when Total > 1, else "[PATCH]".
  unsigned Number = 0, Total = 0;
  /// To:/Cc: headers; none when empty.
  Recipients Rcpt;
};
/// One git format-patch mail (headers, body, diff, no diffstat).
std::string formatPatch(const PatchInput &P, llvm::StringRef From,
                        llvm::StringRef Date, llvm::StringRef ToolVersion);
/// \p Text's words in lines of at most \p Width columns (a longer word
/// has a line of its own), without a final newline.
std::string wrapParagraph(llvm::StringRef Text, size_t Width = 72);
/// The subject of a change's mail without "[PATCH]".
std::string patchSubject(llvm::StringRef Prefix);
/// Lower-case words joined by '-', as git format-patch names its files.
std::string mailSlug(llvm::StringRef S);

/// Reads `get_maintainer.pl --roles --no-rolestats` output, one
/// "Name <mail> (role:SECTION)" or "list@host (open list:SECTION)" a line.
/// Maintainers and odd fixers go to To:, everyone else to Cc:; supporters
/// (maintainers of a paid-for section) go to To: only when no section has a
/// maintainer, so that a mail is never addressed to lists alone. Lines
/// without an address are skipped; an address seen twice counts once.
Recipients parseGetMaintainer(llvm::StringRef Output);
/// "To: a,\n    b\nCc: c\n" as `git format-patch --to --cc` writes them;
/// "" for no recipients.
std::string recipientHeaders(const Recipients &R);
/// Everyone of \p All: To: of any, then Cc: of any not already in To:,
/// each once, in the order first seen.
Recipients mergeRecipients(const std::vector<Recipients> &All);

/// A patch as the grouping sees it.
struct SeriesMember {
  std::string Prefix;
  Recipients Rcpt;
};
/// Patches that go out together: the same To: set, or the same subject
/// prefix for patches without To:.
struct SeriesGroup {
  /// Its directory under --patches: mailSlug of the shared prefix, else of
  /// the first maintainer's name; unique ("-2" appended on a clash).
  std::string Name;
  /// The cover letter's subject prefix (commonPrefix of the members').
  std::string Prefix;
  /// Indices into the members, in their order.
  std::vector<size_t> Members;
};
/// The groups of \p Members, sorted by name (runs are reproducible).
std::vector<SeriesGroup> groupSeries(const std::vector<SeriesMember> &Members);
/// The leading components the prefixes share ("xen: privcmd" and
/// "xen/xenbus: dev" -> "xen"); when they share none, their first
/// components joined by ", " ("ecryptfs, udf").
std::string commonPrefix(const std::vector<std::string> &Prefixes);

/// A row of a cover letter's tables.
struct CallbackRow {
  /// Relative to the tree root.
  std::string File;
  std::string Name;
  /// Converted: the mmap_prepare hook's name.
  std::string NewName;
  /// Left: the class and reason codes.
  std::string Class;
  std::vector<std::string> Reasons;
};
struct CoverInput {
  std::string Prefix;
  /// The patches' subjects, in order, without "[PATCH n/N]".
  std::vector<std::string> Subjects;
  std::vector<CallbackRow> Converted;
  /// Legacy hooks in the series' files and directories that it leaves.
  std::vector<CallbackRow> Left;
  Recipients Rcpt;
  /// The files its patches change, for the diffstat.
  std::vector<PatchFile> Files;
};
/// `git diff --stat` of \p Files, as a cover letter shows it: one
/// " path | N +++--" line a file, sorted by path, then the totals.
std::string diffStat(const std::vector<PatchFile> &Files);
/// The "[PATCH 0/N]" mail of a series, in git format-patch's form.
std::string formatCoverLetter(const CoverInput &C, llvm::StringRef From,
                              llvm::StringRef Date,
                              llvm::StringRef ToolVersion);
/// Subject prefix from the path: drivers/char/foo.c -> "char: foo".
std::string prefixFromPath(llvm::StringRef RelPath);
/// The majority "prefix: " of commit subjects ("" if none is shared).
std::string prefixFromSubjects(const std::vector<std::string> &Subjects);

enum class SummaryBy { None, Dir };
/// The summary table printed at the end of a tree run.
void printSummaryTable(llvm::raw_ostream &OS, const Report &R, SummaryBy By,
                       llvm::StringRef BaseDir);

} // namespace mpl

#endif
