//===- Edit.cpp -----------------------------------------------------------===//
#include "rewriters/Edit.h"
#include "matchers/SourceText.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace mpl {

Edit makeEdit(CharSourceRange R, std::string Text, const SourceManager &SM,
              const LangOptions &LO) {
  if (R.isTokenRange())
    R = Lexer::getAsCharRange(R, SM, LO);
  Edit E;
  E.Range = R;
  E.File = filePathOf(R.getBegin(), SM);
  E.Offset = SM.getFileOffset(R.getBegin());
  E.Length = SM.getFileOffset(R.getEnd()) - E.Offset;
  E.Text = std::move(Text);
  return E;
}

Edit replaceTokenEdit(SourceLocation Loc, std::string Text,
                      const SourceManager &SM, const LangOptions &LO) {
  unsigned Length = Lexer::MeasureTokenLength(Loc, SM, LO);
  return makeEdit(
      CharSourceRange::getCharRange(Loc, Loc.getLocWithOffset(Length)),
      std::move(Text), SM, LO);
}

} // namespace mpl
