//===- PatchSeries.cpp ----------------------------------------------------===//
#include "driver/PatchSeries.h"
#include "core/Formats.h"
#include "matchers/Reasons.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <ctime>
#include <map>
#include <set>

using namespace llvm;

namespace mpl {
namespace {

struct Captured {
  int Status = -1;
  std::string Out, Err;
};

/// Runs a command (found on PATH) and collects its status and output.
Captured run(ArrayRef<StringRef> Argv) {
  Captured C;
  SmallString<128> Out, Err;
  if (sys::fs::createTemporaryFile("mpl-capture", "txt", Out))
    return C;
  if (sys::fs::createTemporaryFile("mpl-capture", "err", Err)) {
    sys::fs::remove(Out);
    return C;
  }
  std::optional<StringRef> Redirects[] = {StringRef("/dev/null"),
                                          StringRef(Out), StringRef(Err)};
  if (auto Program = sys::findProgramByName(Argv[0]))
    C.Status = sys::ExecuteAndWait(*Program, Argv, std::nullopt, Redirects, 60);
  for (auto [Path, Text] : {std::pair(&Out, &C.Out), std::pair(&Err, &C.Err)}) {
    if (auto Buffer = MemoryBuffer::getFile(*Path))
      *Text = (*Buffer)->getBuffer().str();
    sys::fs::remove(*Path);
  }
  return C;
}

/// Runs a command and returns its stdout, or nullopt if it failed.
std::optional<std::string> capture(ArrayRef<StringRef> Argv) {
  Captured C = run(Argv);
  if (C.Status != 0)
    return std::nullopt;
  return std::move(C.Out);
}

std::string rfc2822Date() {
  time_t Now = time(nullptr);
  if (const char *E = getenv("SOURCE_DATE_EPOCH"))
    Now = static_cast<time_t>(strtoll(E, nullptr, 10));
  struct tm TM;
  localtime_r(&Now, &TM);
  char Buf[64];
  strftime(Buf, sizeof Buf, "%a, %d %b %Y %H:%M:%S %z", &TM);
  return Buf;
}

std::string realPath(StringRef Path) {
  SmallString<256> Real;
  if (sys::fs::real_path(Path, Real))
    return Path.str();
  return std::string(Real.str());
}

/// The kernel's top-level Makefile sets VERSION and PATCHLEVEL at the start
/// of a line; no Makefile below it does.
bool isKernelTopMakefile(StringRef Dir) {
  SmallString<256> Makefile(Dir);
  sys::path::append(Makefile, "Makefile");
  auto Buffer = MemoryBuffer::getFile(Makefile);
  if (!Buffer)
    return false;
  StringRef Text = (*Buffer)->getBuffer().take_front(4096);
  return (Text.starts_with("VERSION =") || Text.contains("\nVERSION =")) &&
         Text.contains("\nPATCHLEVEL =");
}

} // namespace

std::string treeRootOf(StringRef File) {
  std::string Dir = realPath(sys::path::parent_path(File));
  if (auto Top = capture({"git", "-C", Dir, "rev-parse", "--show-toplevel"}))
    return realPath(StringRef(*Top).trim());
  for (StringRef D = Dir; !D.empty(); D = sys::path::parent_path(D))
    if (isKernelTopMakefile(D))
      return D.str();
  return "";
}

std::string patchAuthor(StringRef Explicit, StringRef Root,
                        std::string &Error) {
  auto Valid = [](StringRef Ident) {
    size_t Open = Ident.find(" <");
    return Open != StringRef::npos && Open > 0 && Ident.ends_with(">") &&
           Ident.find('@', Open) != StringRef::npos;
  };
  if (!Explicit.empty()) {
    if (Valid(Explicit.trim()))
      return Explicit.trim().str();
    Error = "--author expects 'Name <email>', got '" + Explicit.str() + "'";
    return "";
  }
  const char *EnvName = getenv("GIT_AUTHOR_NAME");
  const char *EnvMail = getenv("GIT_AUTHOR_EMAIL");
  if (EnvName && EnvMail && *EnvName && *EnvMail)
    return std::string(EnvName) + " <" + EnvMail + ">";
  std::string Where = Root.empty() ? std::string(".") : Root.str();
  auto Name = capture({"git", "-C", Where, "config", "user.name"});
  auto Mail = capture({"git", "-C", Where, "config", "user.email"});
  if (Name && Mail && !StringRef(*Name).trim().empty() &&
      !StringRef(*Mail).trim().empty())
    return StringRef(*Name).trim().str() + " <" +
           StringRef(*Mail).trim().str() + ">";
  Error = "--patches needs an author: set git config user.name and "
          "user.email (or GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL), or pass "
          "--author='Name <email>'";
  return "";
}

std::string pathInTree(StringRef Path, StringRef Root) {
  if (Root.empty())
    return Path.str();
  std::string Real = realPath(Path);
  std::string Shown = displayPath(Real, Root);
  return Shown == Real ? displayPath(Path, Root) : Shown;
}

namespace {

/// One change on its way to a mail.
struct Change {
  PatchInput Patch;
  /// The top of its tree (get_maintainer.pl runs there).
  std::string Root;
  /// The first file, for messages.
  std::string File;
  std::vector<CallbackRow> Converted;
  /// Directories of its files (real paths): the cover letter lists the
  /// hooks left in them.
  std::set<std::string> Dirs;
};

/// The majority prefix of \p Path's git history, else one from its path.
std::string subjectPrefix(StringRef Path, StringRef Root, bool Found) {
  if (Found)
    if (auto Log = capture({"git", "-C", Root, "log", "-n", "30", "--format=%s",
                            "--", Path})) {
      SmallVector<StringRef, 32> Lines;
      StringRef(*Log).split(Lines, '\n', -1, false);
      std::string Prefix = prefixFromSubjects(
          std::vector<std::string>(Lines.begin(), Lines.end()));
      if (!Prefix.empty())
        return Prefix;
    }
  return prefixFromPath(pathInTree(Path, Root));
}

/// The callbacks \p Files' edits convert, each once, with the hook's new
/// name when the new text has it (a callback still installed by a silenced
/// table keeps its name).
std::vector<CallbackRow>
convertedRows(const std::vector<std::string> &Files, const Report &R,
              const std::map<std::string, FileRewrite> &Rewrites,
              StringRef Root, StringRef Suffix) {
  std::vector<CallbackRow> Rows;
  std::set<std::string> Seen;
  for (const Finding &F : R.Findings)
    for (const Edit &E : F.Fix) {
      if (F.Callback.empty() || !llvm::is_contained(Files, E.File) ||
          !Seen.insert(F.Callback).second)
        continue;
      CallbackRow Row;
      Row.File =
          pathInTree(F.CallbackFile.empty() ? E.File : F.CallbackFile, Root);
      Row.Name = Row.NewName = F.Callback;
      for (const std::string &File : Files)
        if (StringRef(Rewrites.at(File).After)
                .contains(F.Callback + Suffix.str()))
          Row.NewName = F.Callback + Suffix.str();
      Rows.push_back(std::move(Row));
    }
  return Rows;
}

/// The file a change's subject follows: its first C file (the tables, for
/// a callback defined elsewhere too: both are in one directory).
const std::string &subjectFile(const std::vector<std::string> &Files) {
  for (const std::string &F : Files)
    if (StringRef(F).ends_with(".c"))
      return F;
  return Files.front();
}

Change makeChange(const PatchOptions &Opts,
                  const std::vector<std::string> &Files, std::string Root,
                  bool Found, StringRef From,
                  const std::map<std::string, FileRewrite> &Rewrites,
                  const Report &R) {
  const std::string &Path = subjectFile(Files);
  Change C;
  C.Root = Root;
  C.File = Path;
  // Paths and the subject are relative to the top of the tree, whatever
  // the database's paths are.
  C.Patch.Prefix = subjectPrefix(Path, Root, Found);
  if (Opts.Signoff)
    C.Patch.SignedOffBy = From.str();
  for (const std::string &File : Files) {
    const FileRewrite &Rewrite = Rewrites.at(File);
    C.Patch.Files.push_back(
        {pathInTree(File, Root), Rewrite.Before, Rewrite.After});
    C.Dirs.insert(realPath(sys::path::parent_path(File)));
  }
  C.Converted = convertedRows(Files, R, Rewrites, Root, Opts.Suffix);
  for (const CallbackRow &Row : C.Converted)
    C.Patch.Callbacks.push_back(Row.Name);
  // What the analysis said each conversion changes, once per change.
  for (const Finding &F : R.Findings)
    if (llvm::is_contained(C.Patch.Callbacks, F.Callback))
      for (const std::string &Change : F.Changes)
        if (!llvm::is_contained(C.Patch.Changes, Change))
          C.Patch.Changes.push_back(Change);
  return C;
}

bool hasGetMaintainer(StringRef Root) {
  SmallString<256> Script(Root), Maintainers(Root);
  sys::path::append(Script, "scripts", "get_maintainer.pl");
  sys::path::append(Maintainers, "MAINTAINERS");
  return sys::fs::is_regular_file(Script) &&
         sys::fs::is_regular_file(Maintainers);
}

/// The kernel's own get_maintainer.pl on \p Mail, run from \p Root as its
/// documentation says: MAINTAINERS only (no git history: reproducible and
/// fast), one "address (role:section)" a line. With a fixed Perl hash seed:
/// someone with roles in two sections gets the one Perl's hash order finds
/// first (Linux 7.3, guest_memfd.c: Sean Christopherson, KVM reviewer and
/// KVM GUEST_MEMFD maintainer, was To: in one run and Cc: in the next).
std::optional<Recipients> askGetMaintainer(StringRef Root, StringRef Mail,
                                           std::string &Error) {
  SmallString<128> Patch;
  int FD;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("mpl-mail", "patch", FD, Patch)) {
    Error = "cannot write a temporary file: " + EC.message();
    return std::nullopt;
  }
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Mail;
  }
  Captured C =
      run({"sh", "-c",
           "cd \"$1\" && shift && PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0 "
           "exec perl scripts/get_maintainer.pl \"$@\"",
           "sh", Root, "--no-git", "--no-git-fallback", "--roles",
           "--no-rolestats", Patch});
  sys::fs::remove(Patch);
  if (C.Status == 0)
    return parseGetMaintainer(C.Out);
  StringRef Why = StringRef(C.Err).trim().split('\n').first;
  Error = "scripts/get_maintainer.pl failed (exit status " +
          std::to_string(C.Status) + ")" +
          (Why.empty() ? std::string() : ": " + Why.str()) +
          "; its mail has no To:/Cc:";
  return std::nullopt;
}

/// Fills each change's To:/Cc:. A tree without the script is named once;
/// a failing run costs its own change's headers only.
void addRecipients(std::vector<Change> &Changes, StringRef From, StringRef Date,
                   Report &Out) {
  std::map<std::string, bool> Usable;
  for (Change &C : Changes) {
    auto [It, New] = Usable.try_emplace(C.Root, false);
    if (New) {
      It->second = hasGetMaintainer(C.Root);
      if (!It->second)
        Out.Notes.push_back({C.Root, "no scripts/get_maintainer.pl and "
                                     "MAINTAINERS; the mails have no To:/Cc:"});
    }
    if (!It->second)
      continue;
    std::string Error;
    if (auto Rcpt = askGetMaintainer(
            C.Root, formatPatch(C.Patch, From, Date, MPL_VERSION), Error))
      C.Patch.Rcpt = std::move(*Rcpt);
    else
      Out.Errors.push_back({C.File, Error});
  }
}

/// Legacy hooks in \p Dirs that the series does not convert.
std::vector<CallbackRow> leftRows(const Report &R,
                                  const std::set<std::string> &Converted,
                                  const std::set<std::string> &Dirs,
                                  StringRef Root) {
  std::map<std::pair<std::string, std::string>, CallbackRow> Rows;
  for (const Finding &F : R.Findings) {
    if (F.Check != check::LegacyHook || F.Callback.empty() || !F.Class ||
        Converted.count(F.Callback))
      continue;
    std::string File = F.CallbackFile.empty() ? F.Where.File : F.CallbackFile;
    if (!Dirs.count(realPath(sys::path::parent_path(File))) &&
        !Dirs.count(realPath(sys::path::parent_path(F.Where.File))))
      continue;
    CallbackRow Row;
    Row.File = pathInTree(File, Root);
    Row.Name = F.Callback;
    Row.Class = classificationName(*F.Class);
    Row.Reasons = F.Reasons;
    Rows.try_emplace({Row.File, Row.Name}, std::move(Row));
  }
  std::vector<CallbackRow> Out;
  for (auto &[Key, Row] : Rows)
    Out.push_back(std::move(Row));
  return Out;
}

void writeMail(StringRef Dir, StringRef Name, StringRef Text, Report &Out) {
  SmallString<256> File(Dir);
  sys::path::append(File, Name);
  std::error_code EC;
  raw_fd_ostream OS(File, EC);
  if (EC)
    Out.Errors.push_back({std::string(File), "cannot write: " + EC.message()});
  else
    OS << Text;
}

/// As git format-patch names it: "0002-<slug of the subject>.patch".
std::string patchFileName(const PatchInput &P) {
  std::string Num = std::to_string(P.Number ? P.Number : 1);
  Num.insert(0, Num.size() < 4 ? 4 - Num.size() : 0, '0');
  return Num + "-" +
         mailSlug(P.Prefix + " replace deprecated mmap hook").substr(0, 60) +
         ".patch";
}

/// One series: its directory, the numbered patches, and for two or more a
/// cover letter to everyone the patches go to.
void writeGroup(StringRef PatchesDir, const SeriesGroup &G,
                const std::vector<Change> &Changes, StringRef From,
                StringRef Date, Report &Out) {
  SmallString<256> Dir(PatchesDir);
  sys::path::append(Dir, G.Name);
  if (std::error_code EC = sys::fs::create_directories(Dir)) {
    Out.Errors.push_back(
        {std::string(Dir),
         "cannot create the series directory: " + EC.message()});
    return;
  }
  unsigned Total = G.Members.size(), N = 0;
  CoverInput Cover;
  Cover.Prefix = G.Prefix;
  std::vector<Recipients> All;
  std::set<std::string> Converted, Dirs;
  for (size_t I : G.Members) {
    PatchInput P = Changes[I].Patch;
    if (Total > 1) {
      P.Number = ++N;
      P.Total = Total;
    }
    writeMail(Dir, patchFileName(P), formatPatch(P, From, Date, MPL_VERSION),
              Out);
    Cover.Subjects.push_back(patchSubject(P.Prefix));
    All.push_back(P.Rcpt);
    for (const CallbackRow &Row : Changes[I].Converted) {
      Cover.Converted.push_back(Row);
      Converted.insert(Row.Name);
    }
    Dirs.insert(Changes[I].Dirs.begin(), Changes[I].Dirs.end());
    Cover.Files.insert(Cover.Files.end(), P.Files.begin(), P.Files.end());
  }
  if (Total < 2)
    return;
  Cover.Rcpt = mergeRecipients(All);
  Cover.Left = leftRows(Out, Converted, Dirs, Changes[G.Members[0]].Root);
  writeMail(Dir, "0000-cover-letter.patch",
            formatCoverLetter(Cover, From, Date, MPL_VERSION), Out);
}

} // namespace

void writePatchSeries(const PatchOptions &Opts,
                      const std::map<std::string, FileRewrite> &Rewrites,
                      const std::vector<std::vector<std::string>> &ChangeSets,
                      StringRef FallbackRoot, Report &Out) {
  if (ChangeSets.empty())
    return;
  // One query of git (or walk to the top-level Makefile) per directory.
  std::map<std::string, std::string> RootOfDir;
  auto RootOf = [&](StringRef File) {
    auto [It, New] = RootOfDir.try_emplace(sys::path::parent_path(File).str());
    if (New)
      It->second = treeRootOf(File);
    return It->second;
  };
  std::string AuthorError;
  std::string From =
      patchAuthor(Opts.Author, RootOf(ChangeSets.front().front()), AuthorError);
  if (From.empty()) {
    Out.Errors.push_back({Opts.Dir, AuthorError});
    return;
  }
  if (std::error_code EC = sys::fs::create_directories(Opts.Dir)) {
    Out.Errors.push_back(
        {Opts.Dir, "cannot create the patch directory: " + EC.message()});
    return;
  }
  std::vector<Change> Changes;
  for (const std::vector<std::string> &Files : ChangeSets) {
    std::string Root = RootOf(subjectFile(Files));
    bool Found = !Root.empty();
    Changes.push_back(makeChange(Opts, Files,
                                 Found ? Root : realPath(FallbackRoot), Found,
                                 From, Rewrites, Out));
  }
  std::string Date = rfc2822Date();
  addRecipients(Changes, From, Date, Out);
  std::vector<SeriesMember> Members;
  for (const Change &C : Changes)
    Members.push_back({C.Patch.Prefix, C.Patch.Rcpt});
  for (const SeriesGroup &G : groupSeries(Members))
    writeGroup(Opts.Dir, G, Changes, From, Date, Out);
}

} // namespace mpl
