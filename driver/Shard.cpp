//===- Shard.cpp ----------------------------------------------------------===//
#include "driver/Shard.h"
#include <algorithm>
#include <numeric>

namespace mpl {

std::optional<ShardSpec> parseShard(llvm::StringRef Text, std::string &Error) {
  auto [K, N] = Text.split('/');
  ShardSpec S;
  if (K.getAsInteger(10, S.Index) || N.getAsInteger(10, S.Count) ||
      S.Count == 0 || S.Index == 0 || S.Index > S.Count) {
    Error = "--shard expects K/N with 1 <= K <= N, got '" + Text.str() + "'";
    return std::nullopt;
  }
  return S;
}

std::vector<std::string> filesOfShard(const std::vector<std::string> &Files,
                                      const std::vector<uint64_t> &Sizes,
                                      ShardSpec S) {
  std::vector<size_t> Order(Files.size());
  std::iota(Order.begin(), Order.end(), 0);
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    if (Sizes[A] != Sizes[B])
      return Sizes[A] > Sizes[B];
    return Files[A] < Files[B];
  });
  std::vector<uint64_t> Load(S.Count);
  std::vector<bool> Mine(Files.size());
  for (size_t I : Order) {
    size_t Part = std::min_element(Load.begin(), Load.end()) - Load.begin();
    Load[Part] += std::max<uint64_t>(Sizes[I], 1);
    Mine[I] = Part + 1 == S.Index;
  }
  std::vector<std::string> Out;
  for (size_t I = 0; I < Files.size(); ++I)
    if (Mine[I])
      Out.push_back(Files[I]);
  return Out;
}

} // namespace mpl
