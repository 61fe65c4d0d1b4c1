//===- Reasons.cpp --------------------------------------------------------===//
#include "matchers/Reasons.h"
#include <string>

namespace mpl {

const char *classificationName(Classification C) {
  switch (C) {
  case Classification::Convertible:
    return "convertible";
  case Classification::Manual:
    return "manual";
  case Classification::Blocked:
    return "blocked";
  }
  return "?";
}

static const ReasonInfo Registry[] = {
#define MPL_REASON(Id, Code, Check, Severity, Meaning)                         \
  {ReasonCode::Id, Code, CheckKind::Check, Classification::Severity, Meaning},
#include "matchers/Reasons.def"
};

std::string ReasonInfo::docsPage() const {
  return std::string("docs/checks/") + checkId(Owner) + ".md";
}

llvm::ArrayRef<ReasonInfo> allReasons() { return Registry; }

const ReasonInfo &reasonInfo(ReasonCode Code) {
  return Registry[static_cast<unsigned>(Code)];
}

std::optional<ReasonCode> parseReasonId(llvm::StringRef Id) {
  for (const ReasonInfo &R : Registry)
    if (Id == R.Id)
      return R.Code;
  return std::nullopt;
}

} // namespace mpl
