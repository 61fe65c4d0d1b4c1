//===- Shard.h - --shard=K/N: a deterministic part of a run -----*- C++ -*-===//
//
// CI systems fan out with a job matrix: each job runs `--shard=K/N` and a
// last step merges their JSON (`mmap-prepare-lint merge`, driver/Merge.h).
// The parts are balanced by file size and depend only on the files and
// their sizes, so every job of a matrix computes the same split.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_SHARD_H
#define MPL_DRIVER_SHARD_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace mpl {

struct ShardSpec {
  unsigned Index = 1; ///< 1-based K
  unsigned Count = 1; ///< N
};

/// "K/N" with 1 <= K <= N; nullopt with \p Error saying why not.
std::optional<ShardSpec> parseShard(llvm::StringRef Text, std::string &Error);

/// The files of shard \p S among \p Files (sizes in \p Sizes, same order):
/// the largest file first goes to the part with the least bytes so far
/// (ties: the lower part), files of one size in path order. Kept in the
/// order of \p Files.
std::vector<std::string> filesOfShard(const std::vector<std::string> &Files,
                                      const std::vector<uint64_t> &Sizes,
                                      ShardSpec S);

} // namespace mpl

#endif
