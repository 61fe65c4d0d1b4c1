//===- PatchSeries.cpp ----------------------------------------------------===//
#include "driver/PatchSeries.h"
#include "core/Formats.h"
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

/// Runs a command and returns its stdout, or nullopt if it failed.
std::optional<std::string> capture(ArrayRef<StringRef> Argv) {
  SmallString<128> Out;
  if (sys::fs::createTemporaryFile("mpl-capture", "txt", Out))
    return std::nullopt;
  std::optional<StringRef> Redirects[] = {
      StringRef("/dev/null"), StringRef(Out), StringRef("/dev/null")};
  auto Program = sys::findProgramByName(Argv[0]);
  int RC =
      Program ? sys::ExecuteAndWait(*Program, Argv, std::nullopt, Redirects, 60)
              : -1;
  auto Buffer = MemoryBuffer::getFile(Out);
  sys::fs::remove(Out);
  if (RC != 0 || !Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
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

std::string slug(StringRef S) {
  std::string Out;
  for (char C : S) {
    if (isalnum(static_cast<unsigned char>(C)))
      Out += static_cast<char>(tolower(static_cast<unsigned char>(C)));
    else if (!Out.empty() && Out.back() != '-')
      Out += '-';
  }
  while (!Out.empty() && Out.back() == '-')
    Out.pop_back();
  return Out;
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

void writePatchSeries(const PatchOptions &Opts,
                      const std::map<std::string, FileRewrite> &Rewrites,
                      const std::vector<std::vector<std::string>> &ChangeSets,
                      StringRef FallbackRoot, Report &Out) {
  const Report &R = Out;
  StringRef PatchesDir = Opts.Dir;
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
    Out.Errors.push_back({PatchesDir.str(), AuthorError});
    return;
  }
  if (std::error_code EC = sys::fs::create_directories(PatchesDir)) {
    Out.Errors.push_back(
        {PatchesDir.str(),
         "cannot create the patch directory: " + EC.message()});
    return;
  }
  unsigned N = 0;
  for (const std::vector<std::string> &Change : ChangeSets) {
    // The subject follows the change's first C file (the tables, for a
    // callback defined elsewhere too: both are in one directory).
    std::string Path = Change.front();
    for (const std::string &F : Change)
      if (StringRef(F).ends_with(".c")) {
        Path = F;
        break;
      }
    // Paths and the subject are relative to the top of the tree, whatever
    // the database's paths are; the prefix follows the file's history.
    std::string Root = RootOf(Path);
    std::string Prefix;
    if (!Root.empty()) {
      if (auto Log = capture({"git", "-C", Root, "log", "-n", "30",
                              "--format=%s", "--", Path})) {
        SmallVector<StringRef, 32> Lines;
        StringRef(*Log).split(Lines, '\n', -1, false);
        Prefix = prefixFromSubjects(
            std::vector<std::string>(Lines.begin(), Lines.end()));
      }
    } else {
      Root = realPath(FallbackRoot);
    }
    if (Prefix.empty())
      Prefix = prefixFromPath(pathInTree(Path, Root));
    PatchInput P;
    P.Prefix = Prefix;
    if (Opts.Signoff)
      P.SignedOffBy = From;
    std::set<std::string> Seen;
    for (const std::string &File : Change) {
      const FileRewrite &Rewrite = Rewrites.at(File);
      P.Files.push_back(
          {pathInTree(File, Root), Rewrite.Before, Rewrite.After});
      for (const Finding &F : R.Findings)
        for (const Edit &E : F.Fix)
          if (E.File == File && !F.Callback.empty() &&
              Seen.insert(F.Callback).second)
            P.Callbacks.push_back(F.Callback);
    }
    std::string Mail = formatPatch(P, From, rfc2822Date(), MPL_VERSION);
    char Num[8];
    snprintf(Num, sizeof Num, "%04u", ++N);
    SmallString<256> File(PatchesDir);
    sys::path::append(
        File, std::string(Num) + "-" +
                  slug(Prefix + " replace deprecated mmap hook").substr(0, 60) +
                  ".patch");
    std::error_code EC;
    raw_fd_ostream OS(File, EC);
    if (EC) {
      Out.Errors.push_back(
          {std::string(File), "cannot write: " + EC.message()});
      continue;
    }
    OS << Mail;
  }
}

} // namespace mpl
