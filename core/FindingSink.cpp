//===- FindingSink.cpp ----------------------------------------------------===//
#include "core/FindingSink.h"
#include "matchers/SourceText.h"
#include "llvm/ADT/STLExtras.h"

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

void FindingSink::addReasons(const CallbackModel &M, const char *Check,
                             std::initializer_list<ReasonCode> Codes,
                             llvm::StringRef Prefix) {
  for (const Reason &R : M.Reasons) {
    if (llvm::find(Codes, R.Code) == Codes.end())
      continue;
    Finding F;
    F.Check = Check;
    F.Where = position(R.Loc);
    F.Callback = M.Definition ? M.Definition->getNameAsString() : "";
    F.Message = (Prefix + R.Message).str();
    F.Reasons = {reasonId(R.Code)};
    add(std::move(F));
  }
}

bool FindingSink::suppressed(const Finding &F) const {
  return suppressedByComment(F, SM) ||
         (Opts.Suppressions && Opts.Suppressions->matches(F));
}

bool FindingSink::silenced(const Finding &F) const {
  return !Opts.Checks.isEnabled(F.Check) || suppressed(F);
}

std::optional<unsigned> FindingSink::add(Finding F) {
  if (!Opts.Checks.isEnabled(F.Check))
    return std::nullopt;
  // Only findings of enabled checks count as suppressed.
  if (suppressed(F)) {
    ++Out.Suppressed;
    return std::nullopt;
  }
  Out.Findings.push_back(std::move(F));
  return Out.Findings.size() - 1;
}

} // namespace mpl
