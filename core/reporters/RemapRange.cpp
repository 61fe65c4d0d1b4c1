//===- RemapRange.cpp ----------------------------------------------------===//
//
// mmap-prepare-remap-range: remaps that can leave [start, end).
//
//===----------------------------------------------------------------------===//
#include "matchers/RemapRange.h"
#include "core/reporters/Reporters.h"

using namespace clang;

namespace mpl {

void reportRangeProblems(FindingSink &Sink, const FunctionDecl *Hook,
                         const ParmVarDecl *Mapping, ASTContext &Ctx) {
  for (RangeProblem &P : checkRemapRanges(Hook, Mapping, Ctx)) {
    Finding F;
    F.Check = check::RemapRange;
    F.Where = Sink.position(P.Loc);
    F.Callback = Hook->getNameAsString();
    F.Message = P.Message;
    F.Reasons = {reasonId(P.Code)};
    for (auto &[Loc, Text] : P.Notes)
      F.Notes.push_back(
          {Sink.position(Loc), Text + " [" + reasonId(P.Code) + "]"});
    Sink.add(std::move(F));
  }
}

} // namespace mpl
