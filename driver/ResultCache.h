//===- ResultCache.h - reuse a unit's analysis when nothing changed -*- C++
//-*-//
//
// Maintainers re-run the tool many times on one tree, and CI on trees that
// changed in a few files. A unit's result (the worker's payload, byte for
// byte) is stored under <cache-dir>/results/, keyed by the tool's build,
// the options that affect results and the unit's compile command; the entry
// lists every file the unit read with the digest of the bytes the compiler
// parsed. A later run reuses it only when each of those files still has
// those bytes (hashed once per run however many units read it), so a hit
// prints exactly what a parse would. Entries are written atomically; the
// oldest are evicted past a size bound; an entry that does not parse, or
// belongs to another key, is ignored with a note and never trusted.
// Not seen (as with ccache's direct mode): a new header that would now be
// found earlier on the include path than the one the unit read.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_RESULTCACHE_H
#define MPL_DRIVER_RESULTCACHE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mpl {

/// A file a unit read, and the digest of its bytes.
struct Dependency {
  std::string Path, Digest;
};

/// The digest the cache compares files by (BLAKE3, 128 bits, hex).
std::string contentDigest(llvm::StringRef Bytes);

class ResultCache {
public:
  /// \p Dir: the cache directory (entries go to Dir/results); \p RunKey:
  /// what besides the command decides a result (tool build, options).
  ResultCache(std::string Dir, std::string RunKey, uint64_t MaxBytes);

  /// The payload stored for this command, if every file it read then is
  /// unchanged now.
  /// \p Facts: what else the unit's analysis ran with (a defining unit's
  /// second pass: the other units' facts), part of the key.
  std::optional<std::string>
  lookup(const clang::tooling::CompileCommand &Command,
         const std::string &Facts = "");
  /// Stores \p Payload for this command with the files it read.
  void store(const clang::tooling::CompileCommand &Command,
             const std::string &Facts, const std::string &Payload,
             const std::vector<Dependency> &Read);
  /// Evicts the least recently used entries until the cache fits its bound.
  void trim();

  unsigned hits() const { return Hits; }
  unsigned misses() const { return Misses; }
  /// One line per entry that was ignored or could not be written.
  const std::vector<std::string> &notes() const { return Notes; }

private:
  std::string keyOf(const clang::tooling::CompileCommand &Command,
                    const std::string &Facts) const;
  std::string entryPath(const std::string &Key) const;
  /// The digest of \p Path now ("" when unreadable), once per run.
  const std::string &digestOf(const std::string &Path);

  std::string Dir, RunKey;
  uint64_t MaxBytes;
  std::unordered_map<std::string, std::string> Digests;
  unsigned Hits = 0, Misses = 0, Stored = 0;
  std::vector<std::string> Notes;
};

/// What identifies this build of the tool: its version and its binary's
/// size and time (a rebuilt tool never reuses an older build's results).
std::string toolBuildKey();

} // namespace mpl

#endif
