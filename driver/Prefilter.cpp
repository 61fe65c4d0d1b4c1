//===- Prefilter.cpp ------------------------------------------------------===//
#include "driver/Prefilter.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <unordered_set>

using namespace llvm;

namespace mpl {

std::vector<std::string> defaultPrefilterKeywords() {
  return {"mmap",         "vm_flags",       "VM_",
          "vm_area_desc", "vm_area_struct", "file_operations"};
}

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

/// \p T without comments (string and character literals kept), so that
/// kernel-doc ("@mmap: ...") and prose do not count.
std::string stripComments(StringRef T) {
  std::string Out;
  Out.reserve(T.size());
  for (size_t I = 0; I < T.size();) {
    char C = T[I];
    if (C == '"' || C == '\'') {
      size_t J = I + 1;
      while (J < T.size() && T[J] != C && T[J] != '\n')
        J += T[J] == '\\' ? 2 : 1;
      J = std::min(J + 1, T.size());
      Out.append(T.data() + I, J - I);
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

bool canSpellSite(StringRef T, const SiteWords &W) {
  for (const std::string &Slot : W.Slots)
    if (anyWord(T, Slot, [&](size_t B, size_t E) {
          size_t N = skipBlank(T, E);
          if (N == StringRef::npos)
            return false;
          char Next = T[N];
          if (Next == '=')
            return N + 1 >= T.size() || T[N + 1] != '=';
          if (Next == '#')
            return true;
          if (Next == ':') {
            // GNU designator `mmap: fn`, not a bit-field `mmap : 1`.
            size_t V = skipBlank(T, N + 1);
            return V == StringRef::npos || !(T[V] >= '0' && T[V] <= '9');
          }
          size_t P = prevBlank(T, B);
          if (P != StringRef::npos && T[P] == '#')
            return true; // x ## mmap
          if (Next == ',' || Next == ')')
            return P != StringRef::npos && (T[P] == '(' || T[P] == ',');
          return false;
        }))
      return true;
  for (const std::string &Type : W.OpsTypes)
    if (anyWord(T, Type, [&](size_t B, size_t E) {
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
          // A table of designated elements only cannot reach the slot by
          // position (the slot's own designator is the test above); a
          // non-brace initialiser (a copy of another table) holds no site.
          if (T[Init] != '{')
            return T[N] == '=' ? false : true;
          return hasPositionalElement(T, Init);
        }))
      return true;
  return false;
}

struct Prefilter::Header {
  bool Readable = false;
  /// Main-file test: a keyword anywhere.
  bool Mentions = false;
  /// Header test: can spell an ops-table site (canSpellSite).
  bool SpellsSite = false;
  /// A computed include: we cannot tell what it pulls in.
  bool Doubt = false;
  struct Include {
    std::string Name;
    bool Angled, Next;
  };
  std::vector<Include> Includes;
};

struct Prefilter::SearchPath {
  std::string Key;
  std::vector<std::string> Quote, Angled; // Angled follows Quote for "x"
};

Prefilter::Prefilter(std::vector<std::string> Keywords, SiteWords Site)
    : Keywords(std::move(Keywords)), Site(std::move(Site)) {}
Prefilter::~Prefilter() = default;

bool Prefilter::exists(const std::string &Path) {
  auto [It, New] = Exists.try_emplace(Path, false);
  if (New)
    It->second = sys::fs::is_regular_file(Path);
  return It->second;
}

const Prefilter::Header &Prefilter::scan(const std::string &Path) {
  auto [It, New] = Headers.try_emplace(Path);
  if (!New)
    return *It->second;
  It->second = std::make_unique<Header>();
  Header &H = *It->second;
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return H;
  H.Readable = true;
  StringRef Text = (*Buffer)->getBuffer();
  for (const std::string &K : Keywords)
    if (Text.contains(K)) {
      H.Mentions = true;
      break;
    }
  H.SpellsSite = H.Mentions && canSpellSite(stripComments(Text), Site);
  // #include lines (any conditional branch counts).
  size_t Pos = 0;
  while (Pos < Text.size()) {
    size_t End = Text.find('\n', Pos);
    if (End == StringRef::npos)
      End = Text.size();
    StringRef Line = Text.slice(Pos, End).ltrim(" \t");
    Pos = End + 1;
    if (!Line.consume_front("#"))
      continue;
    Line = Line.ltrim(" \t");
    bool Next = false;
    if (Line.consume_front("include_next"))
      Next = true;
    else if (!Line.consume_front("include") && !Line.consume_front("import"))
      continue;
    Line = Line.ltrim(" \t");
    if (Line.empty())
      continue;
    char Open = Line.front();
    if (Open != '"' && Open != '<') {
      // The tracepoint machinery re-includes the trace header that brought
      // it in (#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)): a file already
      // in the graph. Any other computed include is a doubt.
      if (!Line.starts_with("TRACE_INCLUDE(") &&
          !Line.starts_with("REMOTE_EVENT_INCLUDE("))
        H.Doubt = true;
      continue;
    }
    size_t Close = Line.find(Open == '"' ? '"' : '>', 1);
    if (Close == StringRef::npos) {
      H.Doubt = true;
      continue;
    }
    H.Includes.push_back({Line.slice(1, Close).str(), Open == '<', Next});
  }
  return H;
}

std::vector<std::string> Prefilter::resolve(const std::string &Name,
                                            bool Angled, bool Next,
                                            const std::string &IncluderDir,
                                            const SearchPath &SP) {
  if (sys::path::is_absolute(Name))
    return exists(Name) ? std::vector<std::string>{Name}
                        : std::vector<std::string>{};
  std::string Key = SP.Key + (Angled ? "<" : "\"") + (Next ? "+" : "") +
                    (Angled ? std::string() : IncluderDir) + "\x01" + Name;
  auto [It, New] = Resolved.try_emplace(Key);
  if (!New)
    return It->second;
  std::vector<std::string> Found;
  auto Try = [&](const std::string &Dir) {
    SmallString<256> P(Dir);
    sys::path::append(P, Name);
    sys::path::remove_dots(P, true);
    std::string S(P.str());
    if (exists(S)) {
      Found.push_back(S);
      return true;
    }
    return false;
  };
  // #include_next may land on any later match: follow every one.
  bool All = Next;
  if (!Angled && Try(IncluderDir) && !All) {
    It->second = Found;
    return Found;
  }
  for (const std::string &Dir : Angled ? SP.Angled : SP.Quote)
    if (Try(Dir) && !All)
      break;
  It->second = Found;
  return Found;
}

bool Prefilter::mustAnalyse(const clang::tooling::CompileCommand &C,
                            std::string *Why) {
  auto Abs = [&](StringRef P) {
    SmallString<256> S(P);
    if (!sys::path::is_absolute(S)) {
      S = C.Directory;
      sys::path::append(S, P);
    }
    sys::path::remove_dots(S, true);
    return std::string(S.str());
  };
  std::vector<std::string> Quote, Normal, System, After, Forced;
  bool NoStdInc = false;
  const std::vector<std::string> &A = C.CommandLine;
  for (size_t I = 1; I < A.size(); ++I) {
    StringRef Arg = A[I];
    auto Value = [&](StringRef Flag, std::vector<std::string> &Into) {
      if (!Arg.starts_with(Flag))
        return false;
      StringRef V = Arg.drop_front(Flag.size());
      if (V.empty()) {
        if (I + 1 >= A.size())
          return true;
        V = A[++I];
      }
      Into.push_back(Abs(V));
      return true;
    };
    if (Arg == "-nostdinc" || Arg == "-nostdlibinc") {
      NoStdInc = true;
      continue;
    }
    if (Value("-iquote", Quote) || Value("-isystem", System) ||
        Value("-idirafter", After) || Value("-include", Forced) ||
        Value("-imacros", Forced) || Value("--include-directory=", Normal) ||
        Value("-I", Normal))
      continue;
  }
  if (!NoStdInc) {
    System.push_back(MPL_CLANG_RESOURCE_DIR "/include");
    for (const char *D : {"/usr/local/include", "/usr/include/x86_64-linux-gnu",
                          "/usr/include"})
      System.push_back(D);
  }
  SearchPath SP;
  SP.Quote = Quote;
  for (auto *L : {&Normal, &System, &After}) {
    SP.Quote.insert(SP.Quote.end(), L->begin(), L->end());
    SP.Angled.insert(SP.Angled.end(), L->begin(), L->end());
  }
  for (const std::string &D : SP.Quote)
    SP.Key += D + "\x02";
  auto [IdIt, NewId] = SearchPathIds.try_emplace(SP.Key, SearchPathIds.size());
  SP.Key = std::to_string(IdIt->second) + ":";

  std::string Main = Abs(C.Filename);
  const Header &M = scan(Main);
  if (!M.Readable) {
    if (Why)
      *Why = Main + " (cannot be read: let the compiler say why)";
    return true;
  }
  // Depth-first over everything the unit can include; stop at the first
  // file that mentions a keyword.
  std::unordered_set<std::string> Seen;
  std::vector<std::string> Stack;
  auto Push = [&](const std::string &P) {
    if (Seen.insert(P).second)
      Stack.push_back(P);
  };
  if (M.Mentions || M.Doubt) {
    if (Why)
      *Why = Main + (M.Mentions ? "" : " (computed #include)");
    return true;
  }
  Seen.insert(Main);
  for (const Header::Include &Inc : M.Includes)
    for (const std::string &R :
         resolve(Inc.Name, Inc.Angled, Inc.Next,
                 std::string(sys::path::parent_path(Main)), SP))
      Push(R);
  for (const std::string &F : Forced) {
    std::vector<std::string> R = resolve(F, false, false, C.Directory, SP);
    for (const std::string &P : R)
      Push(P);
  }
  while (!Stack.empty()) {
    std::string P = std::move(Stack.back());
    Stack.pop_back();
    const Header &H = scan(P);
    if (H.SpellsSite || H.Doubt) {
      if (Why)
        *Why = P + (H.SpellsSite ? "" : " (computed #include)");
      return true;
    }
    std::string Dir(sys::path::parent_path(P));
    for (const Header::Include &Inc : H.Includes)
      for (const std::string &R :
           resolve(Inc.Name, Inc.Angled, Inc.Next, Dir, SP))
        Push(R);
  }
  return false;
}

} // namespace mpl
