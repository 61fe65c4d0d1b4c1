//===- SourceText.cpp -----------------------------------------------------===//
#include "matchers/SourceText.h"
#include "clang/AST/Expr.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace mpl {

std::optional<CharSourceRange> spelledFileRange(SourceRange R,
                                                const ASTContext &Ctx) {
  if (R.isInvalid())
    return std::nullopt;
  CharSourceRange Range =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R),
                               Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Range.isInvalid())
    return std::nullopt;
  return Range;
}

std::optional<std::string> spelledText(SourceRange R, const ASTContext &Ctx) {
  auto Range = spelledFileRange(R, Ctx);
  if (!Range)
    return std::nullopt;
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(*Range, Ctx.getSourceManager(),
                                        Ctx.getLangOpts(), &Invalid);
  if (Invalid)
    return std::nullopt;
  return Text.str();
}

std::string macroSpelledAs(SourceRange R, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation B = R.getBegin();
  if (!B.isMacroID())
    return "";
  // Walk out to the outermost expansion that starts at B; it must also end
  // where R ends for R to be exactly one macro's expansion.
  CharSourceRange Expansion = SM.getExpansionRange(B);
  CharSourceRange EndExpansion = SM.getExpansionRange(R.getEnd());
  if (Expansion.getBegin() != EndExpansion.getBegin() ||
      Expansion.getEnd() != EndExpansion.getEnd())
    return "";
  bool Invalid = false;
  StringRef Text =
      Lexer::getSourceText(Expansion, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid)
    return "";
  // An object-like macro use is a single identifier.
  for (char C : Text)
    if (!(isalnum(static_cast<unsigned char>(C)) || C == '_'))
      return "";
  return Text.str();
}

std::string indentationAt(SourceLocation Loc, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  Loc = SM.getExpansionLoc(Loc);
  auto [FID, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return "";
  size_t LineStart = Buffer.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  size_t End = LineStart;
  while (End < Buffer.size() && (Buffer[End] == ' ' || Buffer[End] == '\t'))
    ++End;
  return Buffer.substr(LineStart, End - LineStart).str();
}

std::string outermostMacroName(SourceLocation Loc, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Loc.isMacroID() || SM.isMacroArgExpansion(Loc))
    return "";
  SourceLocation NameLoc = SM.getExpansionLoc(Loc);
  unsigned Len = Lexer::MeasureTokenLength(NameLoc, SM, Ctx.getLangOpts());
  return std::string(SM.getCharacterData(NameLoc), Len);
}

bool isAnonymousMember(const MemberExpr *ME) {
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  return FD && FD->isAnonymousStructOrUnion();
}

const Expr *baseThroughAnonymous(const MemberExpr *ME) {
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  while (const auto *Inner = dyn_cast<MemberExpr>(Base)) {
    if (!isAnonymousMember(Inner))
      break;
    Base = Inner->getBase()->IgnoreParenImpCasts();
  }
  return Base;
}

std::string filePathOf(SourceLocation Loc, const SourceManager &SM) {
  FileID FID = SM.getFileID(SM.getFileLoc(Loc));
  if (auto FE = SM.getFileEntryRefForID(FID)) {
    StringRef Real = FE->getFileEntry().tryGetRealPathName();
    if (!Real.empty())
      return Real.str();
    return FE->getName().str();
  }
  return SM.getFilename(SM.getFileLoc(Loc)).str();
}

SourceLocation exportedNameToken(SourceLocation Loc, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Loc.isMacroID() || !SM.isMacroArgExpansion(Loc))
    return {};
  SourceLocation Name = SM.getSpellingLoc(Loc);
  SourceLocation Invocation = SM.getExpansionLoc(Loc);
  if (!Name.isFileID() || SM.getFileID(Name) != SM.getFileID(Invocation) ||
      SM.getFileOffset(Name) <= SM.getFileOffset(Invocation))
    return {};
  Token Macro;
  if (Lexer::getRawToken(Invocation, Macro, SM, Ctx.getLangOpts(),
                         /*IgnoreWhiteSpace=*/true) ||
      !Macro.is(tok::raw_identifier) ||
      !Macro.getRawIdentifier().starts_with("EXPORT_SYMBOL"))
    return {};
  return Name;
}

} // namespace mpl
