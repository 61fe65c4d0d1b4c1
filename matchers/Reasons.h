//===- Reasons.h - the typed registry of reason codes -----------*- C++ -*-===//
//
// Every code a finding can carry (JSON `reasons`, notes' `[code]`), with the
// check that owns it, the class it gives a legacy callback and its meaning.
// Analysers, rewriters, the engine and the front ends name codes only
// through ReasonCode; the strings exist in Reasons.def alone.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_REASONS_H
#define MPL_MATCHERS_REASONS_H

#include "matchers/CheckIds.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace mpl {

enum class Classification { Convertible, Manual, Blocked };
const char *classificationName(Classification C);

enum class ReasonCode {
#define MPL_REASON(Id, Code, Check, Severity, Meaning) Id,
#include "matchers/Reasons.def"
};

struct ReasonInfo {
  ReasonCode Code;
  const char *Id;
  CheckKind Owner;
  Classification Severity;
  const char *Meaning;
  /// docs/checks/<owning check>.md
  std::string docsPage() const;
};

llvm::ArrayRef<ReasonInfo> allReasons();
const ReasonInfo &reasonInfo(ReasonCode Code);
inline const char *reasonId(ReasonCode Code) { return reasonInfo(Code).Id; }
std::optional<ReasonCode> parseReasonId(llvm::StringRef Id);

} // namespace mpl

#endif
