//===- UnifiedDiff.cpp - line LCS between a common prefix and suffix ------===//
#include "core/UnifiedDiff.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <vector>

namespace mpl {
namespace {

std::vector<llvm::StringRef> splitLines(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Lines;
  while (!Text.empty()) {
    size_t NL = Text.find('\n');
    if (NL == llvm::StringRef::npos) {
      Lines.push_back(Text);
      break;
    }
    Lines.push_back(Text.take_front(NL + 1));
    Text = Text.drop_front(NL + 1);
  }
  return Lines;
}

struct Op {
  char Kind; // ' ', '-', '+'
  size_t OldLine, NewLine;
  llvm::StringRef Text;
};

} // namespace

std::string unifiedDiff(llvm::StringRef OldName, llvm::StringRef NewName,
                        llvm::StringRef Before, llvm::StringRef After,
                        unsigned Context) {
  if (Before == After)
    return "";
  std::vector<llvm::StringRef> A = splitLines(Before), B = splitLines(After);
  size_t Prefix = 0;
  while (Prefix < A.size() && Prefix < B.size() && A[Prefix] == B[Prefix])
    ++Prefix;
  size_t Suffix = 0;
  while (Suffix < A.size() - Prefix && Suffix < B.size() - Prefix &&
         A[A.size() - 1 - Suffix] == B[B.size() - 1 - Suffix])
    ++Suffix;
  size_t N = A.size() - Prefix - Suffix, M = B.size() - Prefix - Suffix;
  // LCS table over the differing middle.
  std::vector<std::vector<unsigned>> L(N + 1, std::vector<unsigned>(M + 1, 0));
  for (size_t I = N; I-- > 0;)
    for (size_t J = M; J-- > 0;)
      L[I][J] = A[Prefix + I] == B[Prefix + J]
                    ? L[I + 1][J + 1] + 1
                    : std::max(L[I + 1][J], L[I][J + 1]);
  std::vector<Op> Ops;
  for (size_t I = 0; I < Prefix; ++I)
    Ops.push_back({' ', I, I, A[I]});
  size_t I = 0, J = 0;
  while (I < N || J < M) {
    if (I < N && J < M && A[Prefix + I] == B[Prefix + J]) {
      Ops.push_back({' ', Prefix + I, Prefix + J, A[Prefix + I]});
      ++I, ++J;
    } else if (I < N && (J == M || L[I + 1][J] >= L[I][J + 1])) {
      // Removals first, as diff -u prints them.
      Ops.push_back({'-', Prefix + I, Prefix + J, A[Prefix + I]});
      ++I;
    } else {
      Ops.push_back({'+', Prefix + I, Prefix + J, B[Prefix + J]});
      ++J;
    }
  }
  for (size_t K = 0; K < Suffix; ++K)
    Ops.push_back({' ', A.size() - Suffix + K, B.size() - Suffix + K,
                   A[A.size() - Suffix + K]});

  std::string Out = "--- " + OldName.str() + "\n+++ " + NewName.str() + "\n";
  size_t K = 0;
  while (K < Ops.size()) {
    while (K < Ops.size() && Ops[K].Kind == ' ')
      ++K;
    if (K == Ops.size())
      break;
    size_t Start = K >= Context ? K - Context : 0;
    // Extend the hunk while changes are within 2*Context lines of each other.
    size_t End = K;
    size_t LastChange = K;
    while (End < Ops.size()) {
      if (Ops[End].Kind != ' ')
        LastChange = End;
      else if (End - LastChange > 2 * Context)
        break;
      ++End;
    }
    End = std::min(Ops.size(), LastChange + Context + 1);
    size_t OldStart = Ops[Start].OldLine, NewStart = Ops[Start].NewLine;
    size_t OldCount = 0, NewCount = 0;
    std::string Body;
    for (size_t X = Start; X < End; ++X) {
      OldCount += Ops[X].Kind != '+';
      NewCount += Ops[X].Kind != '-';
      Body += Ops[X].Kind;
      Body += Ops[X].Text.str();
      if (!Ops[X].Text.ends_with("\n"))
        Body += "\n\\ No newline at end of file\n";
    }
    Out += "@@ -" + std::to_string(OldCount ? OldStart + 1 : OldStart) + "," +
           std::to_string(OldCount) + " +" +
           std::to_string(NewCount ? NewStart + 1 : NewStart) + "," +
           std::to_string(NewCount) + " @@\n" + Body;
    K = End;
  }
  return Out;
}

} // namespace mpl
