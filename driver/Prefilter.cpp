//===- Prefilter.cpp ------------------------------------------------------===//
#include "driver/Prefilter.h"
#include "driver/SiteText.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <optional>
#include <unordered_set>

using namespace llvm;

namespace mpl {

std::vector<std::string> defaultPrefilterKeywords() {
  return {"mmap",         "vm_flags",       "VM_",
          "vm_area_desc", "vm_area_struct", "file_operations"};
}

struct Prefilter::Header {
  bool Readable = false;
  /// A keyword anywhere: the cheap test before canSpellSite.
  bool Mentions = false;
  /// Where it can spell an ops-table site.
  SiteSpelling Sites;
  /// How it uses the site macros asked about so far.
  std::unordered_map<std::string, MacroUse> Uses;
  /// Whether it may define the mmap_prepare hooks asked about so far.
  std::unordered_map<std::string, bool> Defines;
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
  if (H.Mentions)
    H.Sites = spellSites(stripComments(Text), Site);
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

std::optional<std::string> Prefilter::reread(const std::string &Path,
                                             StringRef Word) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  StringRef Text = (*Buffer)->getBuffer();
  // Without the word or a paste that could form it, the answer is "no".
  if (!Text.contains(Word) && !Text.contains("##"))
    return std::string();
  return stripComments(Text);
}

const MacroUse &Prefilter::use(const std::string &Path,
                               const std::string &Macro) {
  Header &H = *Headers.at(Path);
  auto [It, New] = H.Uses.try_emplace(Macro);
  if (!New || !H.Readable)
    return It->second;
  // Read again: only the units that reach a site macro ask, and each file
  // is asked once per macro in a run.
  std::optional<std::string> Text = reread(Path, Macro);
  if (!Text)
    It->second.Expanded = true; // it was readable a moment ago: in doubt
  else
    It->second = macroUse(*Text, Macro);
  return It->second;
}

bool Prefilter::mayDefine(const std::string &Path, const std::string &Fn) {
  Header &H = *Headers.at(Path);
  auto [It, New] = H.Defines.try_emplace(Fn, false);
  if (!New || !H.Readable)
    return It->second;
  std::optional<std::string> Text = reread(Path, Fn);
  It->second = !Text || mayDefineFunction(*Text, Fn);
  return It->second;
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
  // file that spells a site outside a macro definition.
  std::unordered_set<std::string> Seen;
  std::vector<std::string> Stack, Reached;
  // Macros whose definitions spell a site, and the file defining them;
  // installed mmap_prepare hooks, and the file installing them.
  std::vector<std::pair<std::string, std::string>> SiteMacros, PrepareHooks;
  auto Visit = [&](const std::string &P, const Header &H) {
    Reached.push_back(P);
    if (H.Sites.Direct || H.Doubt) {
      if (Why)
        *Why = P + (H.Sites.Direct ? "" : " (computed #include)");
      return true;
    }
    for (const std::string &M : H.Sites.Macros)
      SiteMacros.emplace_back(M, P);
    for (const std::string &Fn : H.Sites.PrepareHooks)
      PrepareHooks.emplace_back(Fn, P);
    return false;
  };
  auto Push = [&](const std::string &P) {
    if (Seen.insert(P).second)
      Stack.push_back(P);
  };
  if (Visit(Main, M))
    return true;
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
    if (Visit(P, H))
      return true;
    std::string Dir(sys::path::parent_path(P));
    for (const Header::Include &Inc : H.Includes)
      for (const std::string &R :
           resolve(Inc.Name, Inc.Angled, Inc.Next, Dir, SP))
        Push(R);
  }
  // A site macro (DRM_GEM_FOPS) matters where some file of the unit
  // expands it, or expands a macro defined with it (DEFINE_DRM_GEM_FOPS).
  std::unordered_set<std::string> Asked;
  while (!SiteMacros.empty()) {
    auto [Macro, Origin] = std::move(SiteMacros.back());
    SiteMacros.pop_back();
    if (!Asked.insert(Macro).second)
      continue;
    for (const std::string &P : Reached) {
      const MacroUse &U = use(P, Macro);
      if (U.Expanded) {
        if (Why)
          *Why = P + " (expands " + Macro + ", which spells a site in " +
                 Origin + ")";
        return true;
      }
      for (const std::string &Outer : U.InDefinitionsOf)
        SiteMacros.emplace_back(Outer, Origin);
    }
  }
  // An mmap_prepare hook is analysed where it is defined: installed here
  // and defined in another unit (generic_file_mmap_prepare), it yields no
  // finding in this one. The main file, the likeliest, is asked first.
  for (const auto &[Fn, Origin] : PrepareHooks)
    for (const std::string &P : Reached)
      if (mayDefine(P, Fn)) {
        if (Why)
          *Why = P + " (may define " + Fn + ", installed as mmap_prepare in " +
                 Origin + ")";
        return true;
      }
  return false;
}

} // namespace mpl
