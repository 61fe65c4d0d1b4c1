//===- Suppression.cpp ----------------------------------------------------===//
#include "core/Suppression.h"
#include "core/Checks.h"
#include "llvm/Support/GlobPattern.h"

namespace mpl {
namespace {

bool globMatch(llvm::StringRef Glob, llvm::StringRef Text) {
  auto Pattern = llvm::GlobPattern::create(Glob);
  if (!Pattern) {
    llvm::consumeError(Pattern.takeError());
    return false;
  }
  return Pattern->match(Text);
}

/// `NOLINT(a,b)` -> does the list cover \p Check? No list covers everything.
bool listCovers(llvm::StringRef AfterMarker, llvm::StringRef Check) {
  if (!AfterMarker.starts_with("("))
    return true;
  llvm::StringRef List = AfterMarker.drop_front().split(')').first;
  return CheckFilter(List).isEnabled(Check);
}

llvm::StringRef lineText(llvm::StringRef Buffer, unsigned Line) {
  for (unsigned N = 1; N < Line; ++N) {
    size_t NL = Buffer.find('\n');
    if (NL == llvm::StringRef::npos)
      return "";
    Buffer = Buffer.drop_front(NL + 1);
  }
  return Buffer.split('\n').first;
}

/// The marker on \p Line, if any, with what follows it.
std::optional<llvm::StringRef> marker(llvm::StringRef Line,
                                      llvm::StringRef Name) {
  size_t At = Line.find(Name);
  while (At != llvm::StringRef::npos) {
    llvm::StringRef Rest = Line.substr(At + Name.size());
    // NOLINT must not match NOLINTNEXTLINE/NOLINTBEGIN.
    if (Rest.empty() || !(isalpha(static_cast<unsigned char>(Rest[0]))))
      return Rest;
    At = Line.find(Name, At + 1);
  }
  return std::nullopt;
}

} // namespace

std::optional<SuppressionList> SuppressionList::parse(llvm::StringRef Text,
                                                      std::string &Error) {
  SuppressionList List;
  unsigned LineNo = 0;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    ++LineNo;
    Line = Line.split('#').first.trim();
    if (Line.empty())
      continue;
    auto [Check, PathPart] = Line.split(' ');
    PathPart = PathPart.trim();
    if (Check.empty() || PathPart.empty()) {
      Error = "line " + std::to_string(LineNo) +
              ": expected '<check glob> <path glob>[:<callback or line>]'";
      return std::nullopt;
    }
    auto [Path, Qualifier] = PathPart.rsplit(':');
    if (Path.empty()) {
      Path = PathPart;
      Qualifier = "";
    }
    List.Entries.push_back({Check.str(), Path.str(), Qualifier.str()});
  }
  return List;
}

bool SuppressionList::matches(const Finding &F) const {
  for (const Entry &E : Entries) {
    if (!globMatch(E.CheckGlob, F.Check))
      continue;
    if (!globMatch(E.PathGlob, F.Where.File) &&
        !globMatch("*/" + E.PathGlob, F.Where.File))
      continue;
    if (!E.Qualifier.empty() && E.Qualifier != F.Callback &&
        E.Qualifier != std::to_string(F.Where.Line))
      continue;
    return true;
  }
  return false;
}

bool suppressedByComment(const Finding &F, const clang::SourceManager &SM) {
  if (F.Where.Loc.isInvalid())
    return false;
  clang::FileID FID = SM.getFileID(F.Where.Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return false;
  unsigned Line = SM.getSpellingLineNumber(F.Where.Loc);
  if (auto M = marker(lineText(Buffer, Line), "NOLINT");
      M && listCovers(*M, F.Check))
    return true;
  if (Line > 1)
    if (auto M = marker(lineText(Buffer, Line - 1), "NOLINTNEXTLINE");
        M && listCovers(*M, F.Check))
      return true;
  // NOLINTBEGIN/END regions: the innermost open region above the line.
  int Open = 0;
  llvm::StringRef Rest = Buffer;
  for (unsigned N = 1; N < Line && !Rest.empty(); ++N) {
    auto [Text, Next] = Rest.split('\n');
    Rest = Next;
    if (auto M = marker(Text, "NOLINTBEGIN"); M && listCovers(*M, F.Check))
      ++Open;
    if (auto M = marker(Text, "NOLINTEND"); M && listCovers(*M, F.Check))
      Open = Open > 0 ? Open - 1 : 0;
  }
  return Open > 0;
}

} // namespace mpl
