//===- FindingSink.cpp ----------------------------------------------------===//
#include "core/FindingSink.h"
#include "matchers/SourceText.h"

namespace mpl {

Position FindingSink::position(clang::SourceLocation Loc, bool Spelling) const {
  Position P;
  clang::SourceLocation FileLoc =
      Spelling ? SM.getSpellingLoc(Loc) : SM.getFileLoc(Loc);
  clang::PresumedLoc PL = SM.getPresumedLoc(FileLoc);
  P.File = filePathOf(FileLoc, SM);
  if (PL.isValid()) {
    P.Line = PL.getLine();
    P.Column = PL.getColumn();
  }
  P.Loc = FileLoc;
  return P;
}

bool FindingSink::silenced(const Finding &F) const {
  return !Opts.Checks.isEnabled(F.Check) || suppressedByComment(F, SM) ||
         (Opts.Suppressions && Opts.Suppressions->matches(F));
}

std::optional<unsigned> FindingSink::add(Finding F) {
  if (!Opts.Checks.isEnabled(F.Check))
    return std::nullopt;
  if (silenced(F)) {
    ++Out.Suppressed;
    return std::nullopt;
  }
  Out.Findings.push_back(std::move(F));
  return Out.Findings.size() - 1;
}

} // namespace mpl
