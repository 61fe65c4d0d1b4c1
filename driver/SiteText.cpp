//===- SiteText.cpp -------------------------------------------------------===//
#include "driver/SiteText.h"
#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace mpl {

namespace {

bool isIdent(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') ||
         (C >= '0' && C <= '9') || C == '_';
}

/// Index of the next character that is not blank, a line continuation or
/// a comment (npos at the end).
size_t skipBlank(StringRef T, size_t I) {
  while (I < T.size()) {
    char C = T[I];
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' ||
        C == '\v' || (C == '\\' && I + 1 < T.size() && T[I + 1] == '\n')) {
      ++I;
      continue;
    }
    if (T.substr(I).starts_with("/*")) {
      size_t E = T.find("*/", I + 2);
      if (E == StringRef::npos)
        return StringRef::npos;
      I = E + 2;
      continue;
    }
    if (T.substr(I).starts_with("//")) {
      size_t E = T.find('\n', I);
      if (E == StringRef::npos)
        return StringRef::npos;
      I = E + 1;
      continue;
    }
    return I;
  }
  return StringRef::npos;
}

/// Index of the previous non-blank character (npos at the start).
size_t prevBlank(StringRef T, size_t I) {
  while (I > 0) {
    char C = T[I - 1];
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\\') {
      --I;
      continue;
    }
    return I - 1;
  }
  return StringRef::npos;
}

/// Every whole-word occurrence of \p W in \p T: calls F(begin, end).
template <typename Fn> bool anyWord(StringRef T, StringRef W, Fn F) {
  for (size_t I = T.find(W); I != StringRef::npos; I = T.find(W, I + 1)) {
    size_t E = I + W.size();
    if ((I > 0 && isIdent(T[I - 1])) || (E < T.size() && isIdent(T[E])))
      continue;
    if (F(I, E))
      return true;
  }
  return false;
}

} // namespace

std::string stripComments(StringRef T) {
  std::string Out;
  Out.reserve(T.size());
  for (size_t I = 0; I < T.size();) {
    char C = T[I];
    if (C == '"' || C == '\'') {
      // The quotes stay, the contents become blanks: "mmap: %ps" in a
      // format string spells nothing.
      size_t J = I + 1;
      while (J < T.size() && T[J] != C && T[J] != '\n')
        J += T[J] == '\\' ? 2 : 1;
      J = std::min(J + 1, T.size());
      Out += C;
      if (J - I >= 2) {
        Out.append(J - I - 2, ' ');
        Out += T[J - 1];
      }
      I = J;
      continue;
    }
    if (C == '/' && I + 1 < T.size() && T[I + 1] == '*') {
      size_t E = T.find("*/", I + 2);
      I = E == StringRef::npos ? T.size() : E + 2;
      Out += ' ';
      continue;
    }
    if (C == '/' && I + 1 < T.size() && T[I + 1] == '/') {
      size_t E = T.find('\n', I);
      I = E == StringRef::npos ? T.size() : E;
      continue;
    }
    Out += C;
    ++I;
  }
  return Out;
}

namespace {

/// Start of the logical line (continuations joined) holding \p I.
size_t logicalLineStart(StringRef T, size_t I) {
  while (true) {
    size_t NL = T.rfind('\n', I);
    if (NL == StringRef::npos)
      return 0;
    if (NL == 0 || T[NL - 1] != '\\')
      return NL + 1;
    I = NL - 1;
  }
}

/// The newline ending the logical line holding \p I (or the end).
size_t logicalLineEnd(StringRef T, size_t I) {
  while (true) {
    size_t NL = T.find('\n', I);
    if (NL == StringRef::npos)
      return T.size();
    if (NL == 0 || T[NL - 1] != '\\')
      return NL;
    I = NL + 1;
  }
}

/// Is \p I the first character of its logical line but for blanks (a `#`
/// there begins a directive)?
bool beginsLine(StringRef T, size_t I) {
  size_t B = I;
  while (B > 0 && (T[B - 1] == ' ' || T[B - 1] == '\t'))
    --B;
  return logicalLineStart(T, I) == B;
}

/// Does the brace-enclosed initialiser at \p Open hold an element that is
/// not designated (`.field =` / `[i] =`)? Such an element initialises
/// fields by position and may reach the mmap slot.
bool hasPositionalElement(StringRef T, size_t Open) {
  int Depth = 0;
  bool AtElementStart = true;
  for (size_t I = Open; I < T.size(); ++I) {
    char C = T[I];
    if (C == '\\' || C == ' ' || C == '\t' || C == '\n' || C == '\r')
      continue;
    if (C == '#' && beginsLine(T, I)) {
      // `#ifdef CONFIG_COMPAT` between elements: not an element.
      I = logicalLineEnd(T, I);
      continue;
    }
    if (Depth == 1 && AtElementStart && C != '}') {
      if (C != '.' && C != '[')
        return true;
      AtElementStart = false;
    }
    if (C == '{' || C == '(' || C == '[')
      ++Depth;
    else if (C == '}' || C == ')' || C == ']') {
      if (--Depth == 0)
        return false;
    } else if (C == ',' && Depth == 1)
      AtElementStart = true;
    if (C == '{' && Depth == 1)
      AtElementStart = true;
  }
  return true; // unterminated: in doubt
}

/// Is the logical line starting at \p Line a preprocessor directive?
bool isDirective(StringRef T, size_t Line) {
  return T.drop_front(Line).ltrim(" \t").starts_with("#");
}

/// Like prevBlank, but also skips the directive lines between (an `#ifdef
/// CONFIG_MMU` before `.mmap = ...`), unless \p I is on one itself.
size_t prevCode(StringRef T, size_t I) {
  size_t Home = logicalLineStart(T, I);
  size_t P = prevBlank(T, I);
  while (P != StringRef::npos) {
    size_t Line = logicalLineStart(T, P);
    if (Line == Home || !isDirective(T, Line))
      return P;
    P = prevBlank(T, Line);
  }
  return P;
}

/// The identifier ending just before \p End (exclusive), or empty.
StringRef wordBefore(StringRef T, size_t End) {
  size_t B = End;
  while (B > 0 && isIdent(T[B - 1]))
    --B;
  return T.slice(B, End);
}

/// Where the tokens before an initialiser's `{` say what it initialises.
struct BraceContext {
  /// The struct tag, when the text names one.
  std::string Tag;
  /// `struct T name[...] = {`: its elements are T too.
  bool Array = false;
  /// `{` or `,` before it: an element of the enclosing brace.
  bool Element = false;
};

/// Reads the tokens before the `{` at \p Open: `[static] [const] struct T
/// name [attrs] [[...]] = {`, `(const struct T){`, `, {`, `[i] = {`.
BraceContext braceContext(StringRef T, size_t Open) {
  BraceContext C;
  size_t P = prevCode(T, Open);
  if (P == StringRef::npos)
    return C;
  if (T[P] == '{' || T[P] == ',') {
    C.Element = true;
    return C;
  }
  bool CompoundLiteral = T[P] == ')';
  if (!CompoundLiteral && T[P] != '=')
    return C;
  size_t Q = prevCode(T, P);
  while (Q != StringRef::npos && T[Q] == ']') {
    size_t O = T.rfind('[', Q);
    if (O == StringRef::npos)
      return C;
    C.Array = true;
    Q = prevCode(T, O);
  }
  if (Q == StringRef::npos)
    return C;
  if (!CompoundLiteral && C.Array && (T[Q] == '{' || T[Q] == ',')) {
    C.Array = false; // `[i] = {`: a designated array element
    C.Element = true;
    return C;
  }
  // Identifiers back to `struct`, in reverse text order.
  SmallVector<StringRef, 8> Words;
  while (Q != StringRef::npos && isIdent(T[Q]) && Words.size() < 8) {
    StringRef W = wordBefore(T, Q + 1);
    Words.push_back(W);
    if (W == "struct")
      break;
    Q = prevCode(T, W.data() - T.data());
  }
  if (Words.size() < 2 || Words.back() != "struct")
    return C;
  // The tag follows `struct`; a declaration also names the table after it.
  if (!CompoundLiteral && Words.size() < 3)
    return C;
  if (CompoundLiteral) {
    if (Words.size() != 2 || C.Array)
      return C;
    size_t Before = prevCode(T, Words.back().data() - T.data());
    if (Before == StringRef::npos)
      return C;
    if (T[Before] != '(' && wordBefore(T, Before + 1) != "const")
      return C;
  }
  C.Tag = Words[Words.size() - 2].str();
  return C;
}

/// The name of the `#define` whose logical line starts at \p Line, or
/// empty when it is another directive or no directive.
StringRef definedName(StringRef T, size_t Line) {
  StringRef L = T.drop_front(Line).ltrim(" \t");
  if (!L.consume_front("#"))
    return {};
  L = L.ltrim(" \t");
  if (!L.consume_front("define"))
    return {};
  L = L.ltrim(" \t");
  return L.take_while(isIdent);
}

/// The parameters of the `#define NAME(params)` starting at \p Line, if
/// it is one.
SmallVector<StringRef, 4> macroParameters(StringRef T, size_t Line) {
  SmallVector<StringRef, 4> Params;
  StringRef Name = definedName(T, Line);
  if (Name.empty())
    return Params;
  size_t Open = Name.end() - T.begin();
  if (Open >= T.size() || T[Open] != '(')
    return Params;
  StringRef List =
      T.drop_front(Open + 1).take_until([](char C) { return C == ')'; });
  SmallVector<StringRef, 4> Parts;
  List.split(Parts, ',');
  for (StringRef P : Parts)
    Params.push_back(P.trim(" \t\\\n"));
  return Params;
}

/// Is the designator `.slot` at \p Dot an element of an initialiser of a
/// struct the text names and that is not an ops type? `.mmap = ` in a
/// `struct v4l2_file_operations x = {` or `(struct proto_ops){` cannot
/// install a file_operations callback. False whenever in doubt: the brace
/// nesting is not plain (a `;` inside, an `#else` or `#elif` inside, which
/// can duplicate braces), or the tag is a parameter of the macro holding it.
bool inForeignInitialiser(StringRef T, size_t Dot, const SiteWords &W) {
  size_t Before = prevCode(T, Dot);
  if (Before == StringRef::npos || (T[Before] != '{' && T[Before] != ','))
    return false;
  // The open braces at Dot (stripComments left no comment, and blanked
  // every literal's contents: no brace there).
  SmallVector<size_t, 8> Open;
  size_t LastBranch = 0;
  for (size_t I = 0; I < Dot; ++I) {
    char C = T[I];
    if (C == '{') {
      Open.push_back(I);
    } else if (C == '}') {
      if (!Open.empty())
        Open.pop_back();
    } else if (C == '#' && beginsLine(T, I)) {
      StringRef D = T.drop_front(I + 1).ltrim(" \t");
      if (D.starts_with("else") || D.starts_with("elif"))
        LastBranch = I + 1;
    }
  }
  if (Open.empty())
    return false;
  // An #else or #elif inside the outermost open brace can hold a second
  // opening of the same table (`#ifdef X struct a t = { #else struct b t =
  // { #endif`): the nesting is then not what the text shows.
  size_t Inner = Open.back();
  if (LastBranch > Open.front())
    return false;
  int Depth = 0;
  for (size_t I = Inner + 1; I < Dot; ++I) {
    char C = T[I];
    if (C == '(' || C == '{' || C == '[')
      ++Depth;
    else if (C == ')' || C == '}' || C == ']')
      --Depth;
    else if (C == ';' && Depth == 0)
      return false;
  }
  BraceContext Ctx = braceContext(T, Inner);
  if (Ctx.Element) {
    // An element of an array of tables: the array's declaration names it.
    if (Open.size() < 2)
      return false;
    Ctx = braceContext(T, Open[Open.size() - 2]);
    if (!Ctx.Array)
      return false;
  }
  if (Ctx.Tag.empty())
    return false;
  for (const std::string &Ops : W.OpsTypes)
    if (Ctx.Tag == Ops)
      return false;
  size_t Line = logicalLineStart(T, Dot);
  if (isDirective(T, Line))
    for (StringRef P : macroParameters(T, Line))
      if (P == Ctx.Tag)
        return false;
  return true;
}

} // namespace

SiteWords
siteWords(const std::vector<std::pair<std::string, std::string>> &ExtraSlots) {
  SiteWords Site;
  for (const auto &[Struct, Field] : ExtraSlots) {
    Site.OpsTypes.push_back(Struct);
    Site.Slots.push_back(Field);
  }
  return Site;
}

namespace {

/// Can the slot name at [B, E) be part of a site?
bool slotSpellsSite(StringRef T, size_t B, size_t E, const SiteWords &W) {
  size_t N = skipBlank(T, E);
  if (N == StringRef::npos)
    return false;
  char Next = T[N];
  size_t P = prevBlank(T, B);
  bool Designator = P != StringRef::npos && T[P] == '.';
  if (Next == '=') {
    if (N + 1 < T.size() && T[N + 1] == '=')
      return false;
    return !Designator || !inForeignInitialiser(T, P, W);
  }
  if (Next == '#')
    return true;
  if (Next == ':') {
    // GNU designator `mmap: fn`, not a bit-field `mmap : 1` nor a member
    // read in a conditional `p->mmap : NULL`.
    if (P != StringRef::npos && (T[P] == '>' || T[P] == '.'))
      return false;
    size_t V = skipBlank(T, N + 1);
    return V == StringRef::npos || !(T[V] >= '0' && T[V] <= '9');
  }
  if (P != StringRef::npos && T[P] == '#')
    return true; // x ## mmap
  if (Next == ',' || Next == ')')
    return P != StringRef::npos && (T[P] == '(' || T[P] == ',');
  return false;
}

/// Can the ops type name at [B, E) start a table with a positional
/// initialiser: `file_operations x[] = { a, b }`, `(struct
/// file_operations){ ... }`?
bool opsTypeSpellsSite(StringRef T, size_t E) {
  size_t N = skipBlank(T, E);
  // file_operations [name] [[...]...] = ...
  if (N != StringRef::npos && isIdent(T[N])) {
    while (N < T.size() && isIdent(T[N]))
      ++N;
    N = skipBlank(T, N);
  }
  while (N != StringRef::npos && T[N] == '[') {
    size_t C = T.find(']', N);
    if (C == StringRef::npos)
      return true;
    N = skipBlank(T, C + 1);
  }
  if (N == StringRef::npos)
    return false;
  size_t Init = StringRef::npos;
  if (T[N] == '=') {
    if (N + 1 < T.size() && T[N + 1] == '=')
      return false;
    Init = skipBlank(T, N + 1);
  } else if (T[N] == ')') { // (struct file_operations){ ... }
    Init = skipBlank(T, N + 1);
  } else {
    return false;
  }
  if (Init == StringRef::npos)
    return false;
  // A table of designated elements only cannot reach the slot by position
  // (the slot's own designator is the other test); a non-brace initialiser
  // (a copy of another table) holds no site.
  if (T[Init] != '{')
    return T[N] != '=';
  return hasPositionalElement(T, Init);
}

/// The function an `mmap_prepare = fn` at [B, E) installs: a plain name
/// ending the element or statement. Empty for any other value.
StringRef installedName(StringRef T, size_t E) {
  size_t N = skipBlank(T, E);
  if (N == StringRef::npos || T[N] != '=')
    return {};
  size_t V = skipBlank(T, N + 1);
  if (V == StringRef::npos)
    return {};
  StringRef Name = T.drop_front(V).take_while(isIdent);
  if (Name.empty() || (Name[0] >= '0' && Name[0] <= '9') || Name == "NULL")
    return {};
  size_t After = skipBlank(T, V + Name.size());
  if (After == StringRef::npos ||
      (T[After] != ',' && T[After] != ';' && T[After] != '}'))
    return {};
  return Name;
}

void addOnce(std::vector<std::string> &List, StringRef Name) {
  if (std::find(List.begin(), List.end(), Name) == List.end())
    List.push_back(Name.str());
}

} // namespace

SiteSpelling spellSites(StringRef T, const SiteWords &W) {
  SiteSpelling S;
  // A site in a macro's definition counts where the macro is expanded;
  // anywhere else (another directive included) it counts here, but for an
  // mmap_prepare hook, which counts only where its definition may be.
  auto Record = [&](size_t At, StringRef Installed) {
    size_t Line = logicalLineStart(T, At);
    StringRef Macro = isDirective(T, Line) ? definedName(T, Line) : "";
    if (!Macro.empty()) {
      addOnce(S.Macros, Macro);
      return false;
    }
    if (!Installed.empty()) {
      addOnce(S.PrepareHooks, Installed);
      return false;
    }
    S.Direct = true;
    return true;
  };
  for (const std::string &Slot : W.Slots)
    if (anyWord(T, Slot, [&](size_t B, size_t E) {
          return slotSpellsSite(T, B, E, W) &&
                 Record(B, Slot == "mmap_prepare" ? installedName(T, E)
                                                  : StringRef());
        }))
      return S;
  for (const std::string &Type : W.OpsTypes)
    if (anyWord(T, Type, [&](size_t B, size_t E) {
          return opsTypeSpellsSite(T, E) && Record(B, StringRef());
        }))
      return S;
  return S;
}

bool canSpellSite(StringRef Text, const SiteWords &W) {
  return spellSites(stripComments(Text), W).any();
}

namespace {

/// Calls \p F with each macro whose definition pastes a piece of \p Name
/// (`prefix ## suffix` may put the name together).
template <typename Fn>
void forEachPastingMacro(StringRef T, StringRef Name, Fn F) {
  for (size_t I = T.find("##"); I != StringRef::npos; I = T.find("##", I + 2)) {
    StringRef Macro = definedName(T, logicalLineStart(T, I));
    if (Macro.empty())
      continue;
    size_t Before = prevBlank(T, I);
    StringRef Left =
        Before == StringRef::npos ? StringRef() : wordBefore(T, Before + 1);
    size_t After = skipBlank(T, I + 2);
    StringRef Right = After == StringRef::npos
                          ? StringRef()
                          : T.drop_front(After).take_while(isIdent);
    // The written piece begins the name (`DRM_GEM_ ## kind`) or ends it
    // (`kind ## _FOPS`). Pieces of one or two characters are taken for
    // macro parameters: a name pasted entirely from arguments, or around a
    // middle piece, is not followed.
    for (StringRef Piece : {Left, Right})
      if (Piece.size() >= 3 &&
          (Name.starts_with(Piece) || Name.ends_with(Piece))) {
        F(Macro);
        break;
      }
  }
}

} // namespace

MacroUse macroUse(StringRef T, StringRef Name) {
  MacroUse U;
  auto InDefinitionOf = [&](StringRef Macro) {
    if (Macro != Name)
      addOnce(U.InDefinitionsOf, Macro);
  };
  anyWord(T, Name, [&](size_t B, size_t) {
    size_t Line = logicalLineStart(T, B);
    if (!isDirective(T, Line)) {
      U.Expanded = true;
      return true;
    }
    // #ifdef, #undef, #if: no expansion that can build a table.
    StringRef Macro = definedName(T, Line);
    if (!Macro.empty() && Macro.data() != T.data() + B)
      InDefinitionOf(Macro);
    return false;
  });
  if (!U.Expanded)
    forEachPastingMacro(T, Name, InDefinitionOf);
  return U;
}

bool mayDefineFunction(StringRef T, StringRef Name) {
  bool May = anyWord(T, Name, [&](size_t B, size_t E) {
    if (isDirective(T, logicalLineStart(T, B)))
      return true; // a macro named so, or one that may expand to it
    size_t P = prevCode(T, B);
    size_t N = skipBlank(T, E);
    if (N == StringRef::npos)
      return false;
    // A macro argument: DEFINE_HOOK(fn) may define it.
    if (P != StringRef::npos && (T[P] == '(' || T[P] == ',') &&
        (T[N] == ',' || T[N] == ')'))
      return true;
    if (T[N] != '(')
      return false;
    // fn(...) then `{`, or an attribute before it: a definition.
    int Depth = 0;
    for (size_t I = N; I < T.size(); ++I) {
      if (T[I] == '(')
        ++Depth;
      else if (T[I] == ')' && --Depth == 0) {
        size_t After = skipBlank(T, I + 1);
        return After != StringRef::npos &&
               (T[After] == '{' || isIdent(T[After]));
      }
    }
    return true; // unterminated: in doubt
  });
  forEachPastingMacro(T, Name, [&](StringRef) { May = true; });
  return May;
}

} // namespace mpl
