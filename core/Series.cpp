//===- Series.cpp - recipients, series grouping, cover letters ------------===//
//
// The pure half of --patches series: what get_maintainer.pl said, which
// patches go out together, and the cover letter. Running the script is the
// driver's (driver/PatchSeries.cpp).
//
//===----------------------------------------------------------------------===//
#include "core/Formats.h"
#include "core/UnifiedDiff.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace mpl {
namespace {

/// The mail address of "Name <mail>" or "mail", lower case: the identity
/// of a recipient whatever name it is printed with.
std::string mailOf(llvm::StringRef Address) {
  size_t Open = Address.rfind('<');
  if (Open != llvm::StringRef::npos)
    Address = Address.drop_front(Open + 1).take_until(
        [](char C) { return C == '>'; });
  return Address.trim().lower();
}

/// Splits "addr (role (with parens))" at the '(' matching the last ')':
/// section names such as "SOUND - SOC LAYER / ... (ASoC)" hold parentheses.
std::pair<llvm::StringRef, llvm::StringRef> splitRole(llvm::StringRef Line) {
  if (!Line.ends_with(")"))
    return {Line, ""};
  int Depth = 0;
  for (size_t I = Line.size(); I-- > 0;) {
    if (Line[I] == ')')
      ++Depth;
    else if (Line[I] == '(' && --Depth == 0)
      return {Line.take_front(I).trim(),
              Line.slice(I + 1, Line.size() - 1).trim()};
  }
  return {Line, ""};
}

bool isAddress(llvm::StringRef A) {
  size_t At = A.find('@');
  if (At == llvm::StringRef::npos || A.contains('\n'))
    return false;
  size_t Open = A.find('<');
  return Open == llvm::StringRef::npos ||
         (Open < At && A.ends_with(">") && A.find('>') > At);
}

/// Appends \p Address unless its mail is in \p Seen.
void addOnce(std::vector<std::string> &To, std::set<std::string> &Seen,
             const std::string &Address) {
  if (Seen.insert(mailOf(Address)).second)
    To.push_back(Address);
}

/// Prefix components: "soc: aspeed" -> {"soc", "aspeed"} with the offset
/// each one ends at, so a shared run can be cut from the original text.
std::vector<std::pair<std::string, size_t>> components(llvm::StringRef P) {
  std::vector<std::pair<std::string, size_t>> Out;
  size_t Start = 0;
  for (size_t I = 0; I <= P.size(); ++I) {
    if (I < P.size() && P[I] != ':' && P[I] != '/' && P[I] != ',')
      continue;
    llvm::StringRef C = P.slice(Start, I).trim();
    if (!C.empty())
      Out.push_back({C.str(), I});
    Start = I + 1;
  }
  return Out;
}

/// Rows as an aligned plain-text table (mail readers use fixed-width
/// fonts), indented and separated by two spaces.
void printTable(llvm::raw_ostream &OS,
                const std::vector<std::vector<std::string>> &Rows) {
  std::vector<size_t> Width;
  for (const auto &Row : Rows) {
    Width.resize(std::max(Width.size(), Row.size()));
    for (size_t I = 0; I < Row.size(); ++I)
      Width[I] = std::max(Width[I], Row[I].size());
  }
  for (const auto &Row : Rows) {
    std::string Line;
    for (size_t I = 0; I < Row.size(); ++I)
      Line += "  " + Row[I] + std::string(Width[I] - Row[I].size(), ' ');
    OS << llvm::StringRef(Line).rtrim() << "\n";
  }
}

/// The name of "Name <mail>", for the shortlog.
llvm::StringRef nameOf(llvm::StringRef Ident) {
  size_t Open = Ident.find(" <");
  return Open == llvm::StringRef::npos ? Ident : Ident.take_front(Open);
}

/// The cover letter's tables: what the series converts, what it leaves.
void printCallbackTables(llvm::raw_ostream &OS, const CoverInput &C) {
  std::vector<std::vector<std::string>> Rows = {
      {"file", "mmap", "mmap_prepare"}};
  for (const CallbackRow &R : C.Converted)
    Rows.push_back({R.File, R.Name + "()", R.NewName + "()"});
  printTable(OS, Rows);
  if (C.Left.empty()) {
    OS << "\nNo other mmap hook was found in the files and directories of "
          "this\nseries that mmap-prepare-lint analysed.\n";
    return;
  }
  OS << "\nLeft as they are (they need a VMA, or a person's judgement):\n\n";
  Rows = {{"file", "mmap", "class", "reasons"}};
  for (const CallbackRow &R : C.Left) {
    // A finding names a reason once per place it holds; the table once.
    std::vector<std::string> Reasons;
    for (const std::string &Code : R.Reasons)
      if (!llvm::is_contained(Reasons, Code))
        Reasons.push_back(Code);
    Rows.push_back({R.File, R.Name + "()", R.Class,
                    Reasons.empty() ? "-" : llvm::join(Reasons, ", ")});
  }
  printTable(OS, Rows);
}

} // namespace

Recipients parseGetMaintainer(llvm::StringRef Output) {
  enum Kind { Maintainer, Supporter, Other };
  std::vector<std::pair<std::string, Kind>> Entries;
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Output.split(Lines, '\n', -1, false);
  for (llvm::StringRef Line : Lines) {
    auto [Address, Role] = splitRole(Line.trim());
    if (!isAddress(Address))
      continue;
    Kind K = Role.starts_with("maintainer") || Role.starts_with("odd fixer")
                 ? Maintainer
             : Role.starts_with("supporter") ? Supporter
                                             : Other;
    Entries.push_back({Address.str(), K});
  }
  bool NoMaintainer = llvm::none_of(
      Entries, [](const auto &E) { return E.second == Maintainer; });
  Recipients R;
  std::set<std::string> Seen;
  for (const auto &[Address, K] : Entries)
    if (K == Maintainer || (K == Supporter && NoMaintainer))
      addOnce(R.To, Seen, Address);
  for (const auto &[Address, K] : Entries)
    addOnce(R.Cc, Seen, Address);
  return R;
}

std::string recipientHeaders(const Recipients &R) {
  std::string Text;
  if (!R.To.empty())
    Text += "To: " + llvm::join(R.To, ",\n    ") + "\n";
  if (!R.Cc.empty())
    Text += "Cc: " + llvm::join(R.Cc, ",\n    ") + "\n";
  return Text;
}

Recipients mergeRecipients(const std::vector<Recipients> &All) {
  Recipients Out;
  std::set<std::string> Seen;
  for (const Recipients &R : All)
    for (const std::string &A : R.To)
      addOnce(Out.To, Seen, A);
  for (const Recipients &R : All)
    for (const std::string &A : R.Cc)
      addOnce(Out.Cc, Seen, A);
  return Out;
}

std::string commonPrefix(const std::vector<std::string> &Prefixes) {
  if (Prefixes.empty())
    return "";
  auto First = components(Prefixes.front());
  size_t Shared = First.size();
  for (llvm::StringRef P : Prefixes) {
    auto C = components(P);
    size_t N = 0;
    while (N < std::min(Shared, C.size()) && C[N].first == First[N].first)
      ++N;
    Shared = N;
  }
  if (Shared > 0)
    return llvm::StringRef(Prefixes.front())
        .take_front(First[Shared - 1].second)
        .trim()
        .str();
  std::vector<std::string> Heads;
  for (llvm::StringRef P : Prefixes) {
    auto C = components(P);
    if (!C.empty() && !llvm::is_contained(Heads, C.front().first))
      Heads.push_back(C.front().first);
  }
  llvm::sort(Heads);
  return llvm::join(Heads, ", ");
}

namespace {

/// What makes patches one series: their To: mails, sorted; without To:,
/// their subject prefix.
std::string seriesKey(const SeriesMember &M) {
  std::vector<std::string> Mails;
  for (const std::string &A : M.Rcpt.To)
    Mails.push_back(mailOf(A));
  llvm::sort(Mails);
  return Mails.empty() ? "prefix:" + M.Prefix : "to:" + llvm::join(Mails, ",");
}

/// A group's prefix and name (before clashes are numbered).
void nameGroup(SeriesGroup &G, const std::vector<SeriesMember> &Members) {
  std::vector<std::string> Prefixes;
  for (size_t I : G.Members)
    Prefixes.push_back(Members[I].Prefix);
  G.Prefix = commonPrefix(Prefixes);
  // A prefix shared down to its first component names the group; a group
  // of unrelated prefixes is named after its first maintainer.
  const Recipients &First = Members[G.Members.front()].Rcpt;
  bool Shared = G.Prefix.find(", ") == std::string::npos;
  G.Name = mailSlug(Shared || First.To.empty() ? G.Prefix
                                               : nameOf(First.To.front()));
  if (G.Name.empty())
    G.Name = "series";
}

} // namespace

std::vector<SeriesGroup> groupSeries(const std::vector<SeriesMember> &Members) {
  std::map<std::string, SeriesGroup> ByKey;
  for (size_t I = 0; I < Members.size(); ++I)
    ByKey[seriesKey(Members[I])].Members.push_back(I);
  std::vector<std::pair<std::string, SeriesGroup>> Groups;
  for (auto &[Key, G] : ByKey) {
    nameGroup(G, Members);
    Groups.push_back({Key, std::move(G)});
  }
  llvm::sort(Groups, [](const auto &A, const auto &B) {
    return std::tie(A.second.Name, A.first) < std::tie(B.second.Name, B.first);
  });
  std::vector<SeriesGroup> Out;
  std::map<std::string, unsigned> Uses;
  for (auto &[Key, G] : Groups) {
    if (unsigned N = Uses[G.Name]++)
      G.Name += "-" + std::to_string(N + 1);
    Out.push_back(std::move(G));
  }
  return Out;
}

std::string diffStat(const std::vector<PatchFile> &Files) {
  struct Row {
    std::string Path;
    unsigned Add = 0, Del = 0;
  };
  std::vector<Row> Rows;
  for (const PatchFile &F : Files) {
    Row R{F.RelPath};
    std::string Diff =
        unifiedDiff("a/" + F.RelPath, "b/" + F.RelPath, F.Before, F.After);
    // Past the "---"/"+++" header only: a removed "-- x" reads "--- x".
    bool InHunk = false;
    for (llvm::StringRef L : llvm::split(Diff, '\n')) {
      InHunk |= L.starts_with("@@");
      R.Add += InHunk && L.starts_with("+");
      R.Del += InHunk && L.starts_with("-");
    }
    Rows.push_back(std::move(R));
  }
  llvm::sort(Rows, [](const Row &A, const Row &B) { return A.Path < B.Path; });
  size_t NameW = 0, CountW = 1;
  unsigned Max = 0, Adds = 0, Dels = 0;
  for (const Row &R : Rows) {
    NameW = std::max(NameW, R.Path.size());
    CountW = std::max(CountW, std::to_string(R.Add + R.Del).size());
    Max = std::max(Max, R.Add + R.Del);
    Adds += R.Add;
    Dels += R.Del;
  }
  // git scales the graph to its 80 columns; 50 marks at most keep the lines
  // short whatever the paths.
  auto Marks = [&](unsigned N) -> size_t {
    return Max <= 50 ? N : (N * 50 + Max - 1) / Max;
  };
  std::string Out;
  for (const Row &R : Rows) {
    std::string Count = std::to_string(R.Add + R.Del);
    Out += " " + R.Path + std::string(NameW - R.Path.size(), ' ') + " | " +
           std::string(CountW - Count.size(), ' ') + Count + " " +
           std::string(Marks(R.Add), '+') + std::string(Marks(R.Del), '-') +
           "\n";
  }
  auto Plural = [](unsigned N, const char *One, const char *Many) {
    return std::to_string(N) + " " + (N == 1 ? One : Many);
  };
  Out += " " + Plural(Rows.size(), "file changed", "files changed");
  if (Adds)
    Out += ", " + Plural(Adds, "insertion(+)", "insertions(+)");
  if (Dels)
    Out += ", " + Plural(Dels, "deletion(-)", "deletions(-)");
  return Out + "\n";
}

std::string formatCoverLetter(const CoverInput &C, llvm::StringRef From,
                              llvm::StringRef Date,
                              llvm::StringRef ToolVersion) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  size_t N = C.Subjects.size();
  OS << "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 "
        "2001\n"
     << "From: " << From << "\n"
     << "Date: " << Date << "\n"
     << "Subject: [PATCH 0/" << N << "] " << C.Prefix
     << ": convert mmap hooks to mmap_prepare\n"
     << recipientHeaders(C.Rcpt) << "\n"
     << "The file_operations->mmap hook is deprecated in favour of\n"
     << "->mmap_prepare(struct vm_area_desc *). ->mmap hands the driver a VMA\n"
     << "that is already set up, so a driver can leave it half-initialised or\n"
     << "keep a pointer to it; ->mmap_prepare is called before the VMA exists\n"
     << "with a descriptor of the mapping to adjust, and page-table work\n"
     << "(remaps) is requested through mmap_action_*() helpers that the core\n"
     << "runs once the mapping is in place. Once every user is converted,\n"
     << "->mmap can go.\n"
     << "\n"
     << "This series converts the hooks below, one patch per driver (or per\n"
     << "set of files that must change together). The patches do not depend\n"
     << "on each other; each says in its changelog what changes in behaviour.\n"
     << "\n"
     << "Converted:\n\n";
  printCallbackTables(OS, C);
  OS << "\nGenerated by mmap-prepare-lint " << ToolVersion << ".\n\n"
     << nameOf(From) << " (" << N << "):\n";
  for (const std::string &S : C.Subjects)
    OS << "  " << S << "\n";
  if (!C.Files.empty())
    OS << "\n" << diffStat(C.Files);
  OS << "\n-- \n"
     << "mmap-prepare-lint " << ToolVersion << "\n\n";
  return Text;
}

} // namespace mpl
