//===- Checks.h - the public check ids and --checks globs -------*- C++ -*-===//
#ifndef MPL_CORE_CHECKS_H
#define MPL_CORE_CHECKS_H

#include "matchers/CheckIds.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace mpl {

struct CheckInfo {
  const char *Id;
  const char *Summary;
};

/// Every check the tool has, in documentation order.
const std::vector<CheckInfo> &allChecks();

/// clang-tidy style check selection: comma-separated globs, `-` negates,
/// later globs win. The default enables every check.
class CheckFilter {
public:
  explicit CheckFilter(llvm::StringRef Globs = "*");
  bool isEnabled(llvm::StringRef CheckId) const;
  /// The globs, normalised ("-a,b*"): equal specs enable the same checks.
  std::string spec() const;

private:
  std::vector<std::pair<bool, std::string>> Globs;
};

} // namespace mpl

#endif
