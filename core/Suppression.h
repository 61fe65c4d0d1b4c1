//===- Suppression.h - NOLINT comments and suppression files ----*- C++ -*-===//
//
// Two ways to silence a finding. In the source, clang-tidy's comments:
// `// NOLINT`, `// NOLINT(check-glob,...)`, `// NOLINTNEXTLINE(...)` and
// `// NOLINTBEGIN(...)` ... `// NOLINTEND(...)`. Out of the source (kernel
// maintainers may refuse such comments), a file of lines
//   <check glob> <path glob>[:<callback name or line>]
// where the path glob also matches at a directory boundary
// (`drivers/char/*.c` matches /src/linux/drivers/char/mem.c).
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_SUPPRESSION_H
#define MPL_CORE_SUPPRESSION_H

#include "core/Finding.h"
#include "clang/Basic/SourceManager.h"
#include <optional>
#include <string>
#include <vector>

namespace mpl {

class SuppressionList {
public:
  /// Parses a suppression file's text; nullopt and \p Error on a bad line.
  static std::optional<SuppressionList> parse(llvm::StringRef Text,
                                              std::string &Error);
  bool matches(const Finding &F) const;
  bool empty() const { return Entries.empty(); }

private:
  struct Entry {
    std::string CheckGlob, PathGlob, Qualifier;
  };
  std::vector<Entry> Entries;
};

/// Is \p F silenced by a NOLINT-family comment in its file?
bool suppressedByComment(const Finding &F, const clang::SourceManager &SM);

} // namespace mpl

#endif
