//===- LegacyHook.cpp ----------------------------------------------------===//
//
// mmap-prepare-legacy-hook: ops tables built inside macros. The finding of an
// analysed callback is legacyHookFinding() (core/CallbackVerdict.cpp).
//
//===----------------------------------------------------------------------===//
#include "core/reporters/Reporters.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>
#include <tuple>

using namespace clang;

namespace mpl {

std::string slotName(const MmapSite &S) { return S.OpsType + "." + S.Slot; }

void reportMacroSites(FindingSink &Sink,
                      const std::vector<const MmapSite *> &Group,
                      ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const MmapSite &First = *Group.front();
  std::string Macro =
      Lexer::getImmediateMacroName(First.Loc, SM, Ctx.getLangOpts()).str();
  Finding F;
  F.Check = check::LegacyHook;
  F.Where = Sink.position(First.Loc, /*Spelling=*/true);
  F.Expansions = Group.size();
  F.Class = Classification::Blocked;
  F.Reasons = {reasonId(ReasonCode::MacroSpelled)};
  if (First.Callback)
    F.Callback = First.Callback->getNameAsString();
  F.Message = "'" + slotName(First) + "' is set" +
              (F.Callback.empty() ? "" : " to '" + F.Callback + "'") +
              " inside macro '" + Macro + "' (" + std::to_string(Group.size()) +
              " expansion" + (Group.size() == 1 ? "" : "s") +
              " here); convert the macro's definition by hand";
  F.Notes.push_back({Sink.position(First.Loc, /*Spelling=*/true),
                     "the ops table is built by a macro; the tool does not "
                     "rewrite macro bodies [macro-spelled]"});
  std::vector<Position> Expansions;
  for (const MmapSite *S : Group)
    Expansions.push_back(Sink.position(S->Loc));
  std::sort(Expansions.begin(), Expansions.end(),
            [](const Position &A, const Position &B) {
              return std::tie(A.File, A.Line, A.Column) <
                     std::tie(B.File, B.Line, B.Column);
            });
  for (const Position &P : Expansions)
    F.Notes.push_back({P, "expanded here"});
  Sink.add(std::move(F));
}

} // namespace mpl
