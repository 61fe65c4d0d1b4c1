//===- Layout.cpp ---------------------------------------------------------===//
#include "rewriters/Layout.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>
#include <deque>
#include <map>

using namespace clang;
using llvm::StringRef;

namespace mpl {
namespace {

constexpr unsigned KernelWidth = 80;
constexpr unsigned CheckpatchWidth = 100;

struct Token {
  unsigned Begin, End;
  tok::TokenKind Kind;
};

/// A line of \p Text: [Begin, End) without its newline, Code the first
/// character after its indentation (End for a blank line).
struct LineSpan {
  size_t Begin, Code, End;
  StringRef text(StringRef Text) const { return Text.slice(Begin, End); }
};

std::vector<LineSpan> linesOf(StringRef Text) {
  std::vector<LineSpan> Lines;
  for (size_t Begin = 0; Begin < Text.size();) {
    size_t End = Text.find('\n', Begin);
    if (End == StringRef::npos)
      End = Text.size();
    StringRef Line = Text.slice(Begin, End);
    Lines.push_back(
        {Begin, Begin + (Line.size() - Line.ltrim(" \t").size()), End});
    Begin = End + 1;
  }
  return Lines;
}

/// Kernel indentation to column \p Col: tabs, then spaces.
std::string indentTo(unsigned Col) {
  return std::string(Col / 8, '\t') + std::string(Col % 8, ' ');
}

/// End of the logical line holding \p Pos (backslash-newlines continue it).
size_t logicalLineEnd(StringRef Text, size_t Pos) {
  size_t End = Text.find('\n', Pos);
  while (End != StringRef::npos && End > 0 && Text[End - 1] == '\\')
    End = Text.find('\n', End + 1);
  return End == StringRef::npos ? Text.size() : End;
}

/// Raw tokens of \p Text, comments included, preprocessor directives left
/// out: a directive is not part of the statement it interrupts.
std::vector<Token> lexTokens(StringRef Text, const LangOptions &LO) {
  std::string Buffer = Text.str(); // the lexer reads a NUL past the end
  Lexer L(SourceLocation(), LO, Buffer.data(), Buffer.data(),
          Buffer.data() + Buffer.size());
  L.SetCommentRetentionState(true);
  std::vector<Token> Out;
  size_t SkipUntil = 0;
  while (true) {
    clang::Token T;
    bool AtEnd = L.LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    unsigned End = L.getBufferLocation() - Buffer.data();
    unsigned Begin = End - T.getLength();
    if (Begin >= SkipUntil) {
      if (T.is(tok::hash) && T.isAtStartOfLine())
        SkipUntil = logicalLineEnd(Text, Begin);
      else
        Out.push_back({Begin, End, T.getKind()});
    }
    if (AtEnd)
      break;
  }
  return Out;
}

bool opens(tok::TokenKind K) { return K == tok::l_paren || K == tok::l_square; }
bool closes(tok::TokenKind K) {
  return K == tok::r_paren || K == tok::r_square;
}

/// How loosely the operator \p I ends binds, when a line may break after
/// it: lower breaks first; -1 when no break goes there. A `-`, `+` or `&`
/// is binary only after an operand.
int breakClass(const std::vector<Token> &Toks, size_t I, StringRef Text) {
  auto AfterOperand = [&] {
    if (I == 0)
      return false;
    const Token &P = Toks[I - 1];
    if (P.Kind == tok::raw_identifier) {
      StringRef Word = Text.slice(P.Begin, P.End);
      return Word != "return" && Word != "sizeof" && Word != "case";
    }
    return P.Kind == tok::numeric_constant || P.Kind == tok::char_constant ||
           P.Kind == tok::string_literal || closes(P.Kind);
  };
  switch (Toks[I].Kind) {
  case tok::ampamp:
  case tok::pipepipe:
    return 0;
  case tok::question:
    return 1;
  case tok::comma:
    return 2;
  case tok::equalequal:
  case tok::exclaimequal:
  case tok::less:
  case tok::greater:
  case tok::lessequal:
  case tok::greaterequal:
    return 3;
  case tok::pipe:
  case tok::caret:
    return 4;
  case tok::amp:
    return AfterOperand() ? 4 : -1;
  case tok::lessless:
  case tok::greatergreater:
    return 5;
  case tok::plus:
  case tok::minus:
    return AfterOperand() ? 6 : -1;
  case tok::slash:
  case tok::percent:
    return 7;
  default:
    return -1;
  }
}

/// What the original text says about the line whose code started at an
/// old offset: was it aligned with its open parenthesis, how wide was it.
struct OldLine {
  bool AlignedToParen = false;
  unsigned Width = 0;
};

std::map<unsigned, OldLine> oldLines(StringRef Text, const LangOptions &LO) {
  std::vector<Token> Toks = lexTokens(Text, LO);
  std::map<unsigned, OldLine> Lines;
  std::vector<unsigned> Parens;
  size_t T = 0;
  for (const LineSpan &L : linesOf(Text)) {
    size_t Begin = L.Begin, Code = L.Code, End = L.End;
    StringRef Line = L.text(Text);
    bool InToken = T > 0 && Toks[T - 1].End > Begin;
    if (Code < End && !InToken)
      Lines[Code] = {!Parens.empty() && visualWidth(Text.slice(Begin, Code)) ==
                                            Parens.back() + 1,
                     visualWidth(Line.rtrim(" \t"))};
    for (; T < Toks.size() && Toks[T].Begin < End; ++T) {
      if (opens(Toks[T].Kind))
        Parens.push_back(visualWidth(Text.slice(Begin, Toks[T].Begin)));
      else if (closes(Toks[T].Kind) && !Parens.empty())
        Parens.pop_back();
    }
  }
  return Lines;
}

/// A line of the new text on its way out.
struct PendingLine {
  unsigned Begin = 0;     ///< start of the line (its indentation)
  unsigned Code = 0;      ///< first character of code
  unsigned End = 0;       ///< end of the line, before its newline
  bool Verbatim = false;  ///< blank, a directive, or inside a comment
  bool Generated = false; ///< written by an edit, or a wrapped remainder
  bool Edited = false;    ///< an edit wrote part of it
  bool Wrapped = false;   ///< the remainder of a line broken here
  OldLine Old;
};

class StatementLayout {
public:
  StatementLayout(StringRef OldText, StringRef NewText, ArrayRef<int> Origin,
                  unsigned Width, const LangOptions &LO)
      : NewText(NewText), Origin(Origin), Width(Width),
        Toks(lexTokens(NewText, LO)), Old(oldLines(OldText, LO)) {}

  std::string run() {
    std::deque<PendingLine> Queue = splitLines();
    bool FirstLine = true;
    while (!Queue.empty()) {
      PendingLine P = Queue.front();
      Queue.pop_front();
      if (!FirstLine)
        Out += '\n';
      if (FirstLine && !P.Verbatim)
        StatementIndent = NewText.slice(P.Begin, P.Code).str();
      FirstLine = false;
      if (P.Verbatim) {
        size_t At = Out.size();
        Out += NewText.slice(P.Begin, P.End);
        track(P.Begin, P.End, At);
        continue;
      }
      if (std::optional<PendingLine> Rest = emit(P))
        Queue.push_front(*Rest);
    }
    if (NewText.ends_with("\n"))
      Out += '\n';
    return Out;
  }

private:
  std::deque<PendingLine> splitLines() {
    std::deque<PendingLine> Lines;
    size_t T = 0;
    for (const LineSpan &L : linesOf(NewText)) {
      size_t Begin = L.Begin, End = L.End;
      PendingLine P;
      P.Begin = Begin;
      P.Code = L.Code;
      P.End = End;
      while (T < Toks.size() && Toks[T].End <= Begin)
        ++T;
      bool InToken = T < Toks.size() && Toks[T].Begin < Begin;
      P.Verbatim = P.Code == End || InToken || NewText[P.Code] == '#';
      if (!P.Verbatim) {
        for (unsigned I = P.Code; I < End; ++I)
          P.Edited |= Origin[I] < 0;
        auto It = Origin[P.Code] < 0 ? Old.end() : Old.find(Origin[P.Code]);
        bool NewBreak = Begin > 0 && Origin[Begin - 1] < 0;
        P.Generated = It == Old.end() || NewBreak;
        if (It != Old.end())
          P.Old = It->second;
      }
      Lines.push_back(P);
    }
    return Lines;
  }

  /// Writes \p P, or its first part when it must break; returns the rest.
  std::optional<PendingLine> emit(const PendingLine &P) {
    std::string Indent = NewText.slice(P.Begin, P.Code).str();
    if (!Parens.empty() && (P.Generated || P.Old.AlignedToParen))
      Indent = indentTo(Parens.back() + 1);
    else if (P.Wrapped)
      Indent = StatementIndent + "\t";
    bool Changed =
        P.Generated || P.Edited || Indent != NewText.slice(P.Begin, P.Code);
    StringRef Code = NewText.slice(P.Code, P.End);
    unsigned Limit = Width;
    // A line that was already longer may stay as long as it was.
    if (!P.Generated && P.Old.Width > Width)
      Limit = P.Old.Width;
    unsigned Full = visualWidth(Code.rtrim(" \t"), visualWidth(Indent));
    std::optional<size_t> Break;
    if (Changed && Full > Limit)
      Break = breakAfter(P, visualWidth(Indent), Limit);
    size_t CodeEnd = Break ? Toks[*Break].End : P.End;
    size_t LineStart = Out.size();
    Out += Indent;
    Out += NewText.slice(P.Code, CodeEnd);
    track(P.Code, CodeEnd, LineStart + Indent.size());
    if (!Break)
      return std::nullopt;
    PendingLine Rest = P;
    Rest.Begin = Rest.Code = Toks[*Break + 1].Begin;
    Rest.Generated = Rest.Edited = Rest.Wrapped = true;
    Rest.Old = {};
    return Rest;
  }

  /// The token of \p P's line after which it breaks. Candidates are the
  /// operators at the line's outermost parenthesis level; those that bind
  /// most loosely go first, and of them the rightmost that leaves a first
  /// part within \p Limit. When that leaves a rest that must break again
  /// and another operator of the level gives two lines that fit
  /// (`f(a, (b >> S) +` / `c);`), that one; with nothing that fits, the
  /// first candidate.
  std::optional<size_t> breakAfter(const PendingLine &P, unsigned IndentWidth,
                                   unsigned Limit) {
    size_t First = 0;
    while (First < Toks.size() && Toks[First].Begin < P.Code)
      ++First;
    size_t Last = First;
    while (Last < Toks.size() && Toks[Last].Begin < P.End)
      ++Last;
    if (Last > First && Toks[Last - 1].End > P.End)
      return std::nullopt; // a comment runs on: leave the line alone
    struct Candidate {
      unsigned Depth;
      int Class;
      size_t Tok;
      bool Fits, RestFits;
    };
    std::vector<Candidate> Candidates;
    std::vector<unsigned> Open = Parens;
    unsigned Wrapped = visualWidth(StatementIndent) + 8;
    for (size_t I = First; I < Last; ++I) {
      tok::TokenKind K = Toks[I].Kind;
      if (closes(K) && !Open.empty())
        Open.pop_back();
      int Class = breakClass(Toks, I, NewText);
      bool NextOk = I + 1 < Last && !closes(Toks[I + 1].Kind) &&
                    Toks[I + 1].Kind != tok::semi &&
                    Toks[I + 1].Kind != tok::comma &&
                    Toks[I + 1].Kind != tok::comment;
      if (Class >= 0 && NextOk) {
        unsigned RestColumn = Open.empty() ? Wrapped : Open.back() + 1;
        StringRef Rest = NewText.slice(Toks[I + 1].Begin, P.End).rtrim(" \t");
        Candidates.push_back({unsigned(Open.size()), Class, I,
                              visualWidth(NewText.slice(P.Code, Toks[I].End),
                                          IndentWidth) <= Limit,
                              visualWidth(Rest, RestColumn) <= Limit});
      }
      if (opens(K))
        Open.push_back(
            visualWidth(NewText.slice(P.Code, Toks[I].Begin), IndentWidth));
    }
    if (Candidates.empty())
      return std::nullopt;
    auto Looser = [](const Candidate &A, const Candidate &B) {
      return std::tie(A.Depth, A.Class) < std::tie(B.Depth, B.Class);
    };
    Candidate Best =
        *std::min_element(Candidates.begin(), Candidates.end(), Looser);
    const Candidate *Choice = nullptr;
    for (const Candidate &C : Candidates)
      if (C.Depth == Best.Depth && C.Class == Best.Class && (C.Fits || !Choice))
        Choice = &C;
    if (Choice->Fits && !Choice->RestFits) {
      const Candidate *TwoLines = nullptr;
      for (const Candidate &C : Candidates)
        if (C.Depth == Best.Depth && C.Fits && C.RestFits &&
            (!TwoLines || C.Class <= TwoLines->Class))
          TwoLines = &C;
      if (TwoLines)
        Choice = TwoLines;
    }
    return Choice->Tok;
  }

  /// Follows the parentheses of new text [Begin, End), written at output
  /// offset \p OutAt onwards.
  void track(size_t Begin, size_t End, size_t OutAt) {
    size_t LineStart = Out.rfind('\n', OutAt == 0 ? 0 : OutAt - 1);
    LineStart = LineStart == std::string::npos ? 0 : LineStart + 1;
    for (const Token &T : Toks) {
      if (T.Begin < Begin || T.Begin >= End)
        continue;
      if (opens(T.Kind))
        Parens.push_back(visualWidth(
            StringRef(Out).slice(LineStart, OutAt + (T.Begin - Begin))));
      else if (closes(T.Kind) && !Parens.empty())
        Parens.pop_back();
    }
  }

  StringRef NewText;
  ArrayRef<int> Origin;
  unsigned Width;
  std::vector<Token> Toks;
  std::map<unsigned, OldLine> Old;
  std::string Out;
  std::string StatementIndent;
  /// Output columns of the parentheses open at the current point.
  std::vector<unsigned> Parens;
};

/// [begin, end) of the whole lines of each statement of \p Buffer: code up
/// to a `;`, `{` or `}` outside parentheses; statements sharing a line are
/// one.
std::vector<std::pair<unsigned, unsigned>>
statementLines(StringRef Buffer, const LangOptions &LO) {
  auto LineStart = [&](unsigned Pos) {
    size_t NL = Buffer.rfind('\n', Pos == 0 ? 0 : Pos - 1);
    return NL == StringRef::npos || Pos == 0 ? 0u : unsigned(NL + 1);
  };
  auto NextLine = [&](unsigned Pos) {
    size_t NL = Buffer.find('\n', Pos);
    return NL == StringRef::npos ? unsigned(Buffer.size()) : unsigned(NL + 1);
  };
  std::vector<std::pair<unsigned, unsigned>> Groups;
  unsigned Depth = 0;
  std::optional<unsigned> Start;
  for (const Token &T : lexTokens(Buffer, LO)) {
    if (T.Kind == tok::comment)
      continue;
    if (!Start)
      Start = T.Begin;
    if (opens(T.Kind))
      ++Depth;
    else if (closes(T.Kind) && Depth > 0)
      --Depth;
    bool Ends = Depth == 0 && (T.Kind == tok::semi || T.Kind == tok::l_brace ||
                               T.Kind == tok::r_brace);
    if (!Ends)
      continue;
    unsigned Begin = LineStart(*Start), End = NextLine(T.End);
    if (!Groups.empty() && Begin < Groups.back().second)
      Groups.back().second = std::max(Groups.back().second, End);
    else
      Groups.push_back({Begin, End});
    Start.reset();
  }
  return Groups;
}

} // namespace

unsigned visualWidth(StringRef S, unsigned Col) {
  for (char C : S)
    Col = C == '\t' ? (Col / 8 + 1) * 8 : Col + 1;
  return Col;
}

unsigned lineWidthOf(StringRef Buffer) {
  std::vector<unsigned> Long;
  for (const LineSpan &L : linesOf(Buffer)) {
    StringRef Line = L.text(Buffer);
    StringRef Code = Buffer.slice(L.Code, L.End);
    bool Comment = Code.starts_with("//") || Code.starts_with("/*") ||
                   Code.starts_with("*");
    if (!Comment && !Line.contains('"')) {
      unsigned W = visualWidth(Line.rtrim(" \t"));
      if (W > KernelWidth)
        Long.push_back(W);
    }
  }
  if (Long.size() < 3)
    return KernelWidth;
  return std::min(CheckpatchWidth, *std::max_element(Long.begin(), Long.end()));
}

std::string layoutStatement(StringRef OldText, StringRef NewText,
                            ArrayRef<int> Origin, unsigned Width,
                            const LangOptions &LO) {
  return StatementLayout(OldText, NewText, Origin, Width, LO).run();
}

std::vector<Edit> layoutEdits(std::vector<Edit> Edits, const SourceManager &SM,
                              const LangOptions &LO) {
  std::map<FileID, std::vector<size_t>> ByFile;
  for (size_t I = 0; I < Edits.size(); ++I)
    if (Edits[I].Range.isValid() && Edits[I].Range.getBegin().isFileID())
      ByFile[SM.getFileID(Edits[I].Range.getBegin())].push_back(I);
  std::vector<bool> Replaced(Edits.size());
  std::vector<Edit> Merged;
  for (auto &[FID, Indices] : ByFile) {
    StringRef Buffer = SM.getBufferData(FID);
    unsigned Width = lineWidthOf(Buffer);
    std::sort(Indices.begin(), Indices.end(), [&](size_t A, size_t B) {
      return Edits[A].Offset < Edits[B].Offset;
    });
    for (auto Lines : statementLines(Buffer, LO)) {
      // Named copies: lambdas below cannot capture structured bindings.
      unsigned Begin = Lines.first, End = Lines.second;
      std::vector<size_t> Inside;
      bool Crossed = false;
      for (size_t I : Indices) {
        const Edit &E = Edits[I];
        unsigned EEnd = E.Offset + E.Length;
        bool Touches = E.Length == 0 ? E.Offset >= Begin && E.Offset < End
                                     : E.Offset < End && EEnd > Begin;
        if (!Touches)
          continue;
        if (E.Offset >= Begin && EEnd <= End)
          Inside.push_back(I);
        else
          Crossed = true;
      }
      if (Inside.empty() || Crossed)
        continue;
      bool Overlap = false;
      for (size_t K = 1; K < Inside.size(); ++K)
        Overlap |= Edits[Inside[K]].Offset <
                   Edits[Inside[K - 1]].Offset + Edits[Inside[K - 1]].Length;
      if (Overlap)
        continue; // the applier reports overlapping edits
      std::string NewText;
      std::vector<int> Origin;
      unsigned Cursor = Begin;
      auto Keep = [&](unsigned To) {
        for (; Cursor < To; ++Cursor) {
          NewText += Buffer[Cursor];
          Origin.push_back(Cursor - Begin);
        }
      };
      for (size_t I : Inside) {
        Keep(Edits[I].Offset);
        NewText += Edits[I].Text;
        Origin.resize(NewText.size(), -1);
        Cursor = Edits[I].Offset + Edits[I].Length;
      }
      Keep(End);
      std::string Laid =
          layoutStatement(Buffer.slice(Begin, End), NewText, Origin, Width, LO);
      if (Laid == NewText)
        continue;
      for (size_t I : Inside)
        Replaced[I] = true;
      SourceLocation FileStart = SM.getLocForStartOfFile(FID);
      Merged.push_back(makeEdit(
          CharSourceRange::getCharRange(FileStart.getLocWithOffset(Begin),
                                        FileStart.getLocWithOffset(End)),
          std::move(Laid), SM, LO));
    }
  }
  for (size_t I = 0; I < Edits.size(); ++I)
    if (!Replaced[I])
      Merged.push_back(std::move(Edits[I]));
  return Merged;
}

} // namespace mpl
