//===- PatchSeries.cpp ----------------------------------------------------===//
#include "driver/PatchSeries.h"
#include "core/Formats.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <ctime>
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

} // namespace

void writePatchSeries(StringRef PatchesDir,
                      const std::map<std::string, FileRewrite> &Rewrites,
                      const std::vector<std::vector<std::string>> &ChangeSets,
                      StringRef FallbackRoot, Report &Out) {
  const Report &R = Out;
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
    std::string Dir(sys::path::parent_path(Path));
    std::string Root(FallbackRoot);
    std::string Prefix;
    std::string From = "mmap-prepare-lint <mmap-prepare-lint@localhost>";
    if (auto Top =
            capture({"git", "-C", Dir, "rev-parse", "--show-toplevel"})) {
      Root = StringRef(*Top).trim().str();
      if (auto Log = capture({"git", "-C", Root, "log", "-n", "30",
                              "--format=%s", "--", Path})) {
        SmallVector<StringRef, 32> Lines;
        StringRef(*Log).split(Lines, '\n', -1, false);
        Prefix = prefixFromSubjects(
            std::vector<std::string>(Lines.begin(), Lines.end()));
      }
      auto Name = capture({"git", "-C", Root, "config", "user.name"});
      auto Mail = capture({"git", "-C", Root, "config", "user.email"});
      if (Name && Mail)
        From = StringRef(*Name).trim().str() + " <" +
               StringRef(*Mail).trim().str() + ">";
    }
    if (Prefix.empty())
      Prefix = prefixFromPath(displayPath(Path, Root));
    PatchInput P;
    P.Prefix = Prefix;
    std::set<std::string> Seen;
    for (const std::string &File : Change) {
      const FileRewrite &Rewrite = Rewrites.at(File);
      P.Files.push_back(
          {displayPath(File, Root), Rewrite.Before, Rewrite.After});
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
