//===- ResultCache.cpp ----------------------------------------------------===//
#include "driver/ResultCache.h"
#include "core/JsonFields.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <nlohmann/json.hpp>
#include <utime.h>

using namespace llvm;
using nlohmann::json;

namespace mpl {
namespace {

/// Names the entry format: an entry of another format is foreign.
constexpr const char *EntryFormat = "mmap-prepare-lint-result-1";

std::string digestOfParts(std::initializer_list<StringRef> Parts) {
  BLAKE3 Hasher;
  for (StringRef P : Parts) {
    // Length-prefixed, so that no two part lists hash alike.
    uint64_t Size = P.size();
    Hasher.update(ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(&Size),
                                    sizeof Size));
    Hasher.update(P);
  }
  BLAKE3Result<16> R = Hasher.final<16>();
  return toHex(R, /*LowerCase=*/true);
}

} // namespace

std::string contentDigest(StringRef Bytes) {
  BLAKE3Result<16> R = BLAKE3::hash<16>(ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(Bytes.data()), Bytes.size()));
  return toHex(R, /*LowerCase=*/true);
}

std::string toolBuildKey() {
  std::string Key = MPL_VERSION;
  sys::fs::file_status S;
  if (!sys::fs::status("/proc/self/exe", S))
    Key += "/" + std::to_string(S.getSize()) + "/" +
           std::to_string(sys::toTimeT(S.getLastModificationTime())) + "/" +
           std::to_string(S.getUniqueID().getFile());
  return Key;
}

ResultCache::ResultCache(std::string Dir, std::string RunKey, uint64_t MaxBytes)
    : RunKey(std::move(RunKey)), MaxBytes(MaxBytes) {
  SmallString<256> P(Dir);
  sys::path::append(P, "results");
  this->Dir = std::string(P.str());
}

std::string ResultCache::keyOf(const clang::tooling::CompileCommand &Command,
                               const std::string &Facts) const {
  std::string Line;
  for (const std::string &A : Command.CommandLine)
    Line += A + '\0';
  return digestOfParts(
      {EntryFormat, RunKey, Command.Directory, Command.Filename, Line, Facts});
}

std::string ResultCache::entryPath(const std::string &Key) const {
  SmallString<256> P(Dir);
  sys::path::append(P, StringRef(Key).take_front(2), Key + ".json");
  return std::string(P.str());
}

const std::string &ResultCache::digestOf(const std::string &Path) {
  auto [It, New] = Digests.try_emplace(Path);
  if (New) {
    auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
    if (Buffer)
      It->second = contentDigest((*Buffer)->getBuffer());
  }
  return It->second;
}

std::optional<std::string>
ResultCache::lookup(const clang::tooling::CompileCommand &Command,
                    const std::string &Facts) {
  std::string Key = keyOf(Command, Facts);
  std::string Path = entryPath(Key);
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    ++Misses;
    return std::nullopt;
  }
  json Entry = json::parse((*Buffer)->getBuffer().begin(),
                           (*Buffer)->getBuffer().end(), nullptr, false);
  // The payload is decoded only if it is the one stored: its digest is
  // kept beside it, so a damaged entry reads as foreign, never as a result.
  const json *Read = nullptr, *Payload = nullptr;
  if (Entry.is_object() && jsonString(Entry, "format") == EntryFormat &&
      jsonString(Entry, "key") == Key) {
    auto R = Entry.find("read"), P = Entry.find("payload");
    if (R != Entry.end() && R->is_array() && P != Entry.end() &&
        P->is_string() &&
        jsonString(Entry, "payload_digest") ==
            contentDigest(P->get_ref<const std::string &>())) {
      Read = &*R;
      Payload = &*P;
    }
  }
  bool WellFormed = Read != nullptr;
  if (WellFormed)
    for (const json &D : *Read)
      if (!D.is_array() || D.size() != 2 || !D[0].is_string() ||
          !D[1].is_string())
        WellFormed = false;
  if (!WellFormed) {
    Notes.push_back(Path + ": not an entry of this cache; ignored (it is "
                           "replaced by this run's result)");
    ++Misses;
    return std::nullopt;
  }
  for (const json &D : *Read)
    if (digestOf(D[0].get<std::string>()) != D[1].get<std::string>()) {
      ++Misses;
      return std::nullopt;
    }
  // Least recently used first out: a hit renews the entry.
  ::utime(Path.c_str(), nullptr);
  ++Hits;
  return Payload->get<std::string>();
}

void ResultCache::store(const clang::tooling::CompileCommand &Command,
                        const std::string &Facts, const std::string &Payload,
                        const std::vector<Dependency> &Read) {
  // The digests are of the bytes the compiler parsed: the entry is right
  // for them even if a file changed since.
  json Files = json::array();
  for (const Dependency &D : Read)
    Files.push_back({D.Path, D.Digest});
  std::string Key = keyOf(Command, Facts);
  json Entry = {
      {"format", EntryFormat},    {"key", Key},
      {"file", Command.Filename}, {"read", std::move(Files)},
      {"payload", Payload},       {"payload_digest", contentDigest(Payload)}};
  std::string Path = entryPath(Key);
  if (std::error_code EC =
          sys::fs::create_directories(sys::path::parent_path(Path))) {
    Notes.push_back(Path +
                    ": cannot create the cache directory: " + EC.message());
    return;
  }
  // Written beside it and renamed: a reader sees the whole entry or none.
  std::string Text = Entry.dump();
  int FD;
  SmallString<256> Temp;
  std::error_code EC =
      sys::fs::createUniqueFile(Path + ".%%%%%%.tmp", FD, Temp);
  if (!EC) {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    EC = OS.error();
    if (!EC)
      EC = sys::fs::rename(Temp, Path);
    if (EC)
      sys::fs::remove(Temp);
  }
  if (EC) {
    Notes.push_back(Path + ": cannot write: " + EC.message());
    return;
  }
  ++Stored;
}

void ResultCache::trim() {
  if (!Stored)
    return; // only stores can push the cache past its bound
  struct Entry {
    std::string Path;
    sys::TimePoint<> Time;
    uint64_t Size;
  };
  std::vector<Entry> Entries;
  uint64_t Total = 0;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator I(Dir, EC), E; I != E && !EC;
       I.increment(EC)) {
    sys::fs::file_status S;
    if (!StringRef(I->path()).ends_with(".json") ||
        sys::fs::status(I->path(), S) ||
        S.type() != sys::fs::file_type::regular_file)
      continue;
    Entries.push_back({I->path(), S.getLastModificationTime(), S.getSize()});
    Total += S.getSize();
  }
  if (Total <= MaxBytes)
    return;
  std::sort(Entries.begin(), Entries.end(), [](const Entry &A, const Entry &B) {
    return A.Time != B.Time ? A.Time < B.Time : A.Path < B.Path;
  });
  for (const Entry &E : Entries) {
    if (Total <= MaxBytes)
      break;
    if (!sys::fs::remove(E.Path))
      Total -= E.Size;
  }
}

} // namespace mpl
