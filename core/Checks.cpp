//===- Checks.cpp ---------------------------------------------------------===//
#include "core/Checks.h"
#include "llvm/Support/GlobPattern.h"

namespace mpl {

const std::vector<CheckInfo> &allChecks() {
  static const std::vector<CheckInfo> Checks = {
      {check::LegacyHook,
       "an ops table sets the deprecated .mmap callback; converts it to "
       ".mmap_prepare when that is safe"},
      {check::VmFlags,
       "VMA flag handling that must change for a vm_area_desc (VM_xxx masks "
       "become VMA_xxx_BIT lists)"},
      {check::RemapRange,
       "a remap whose range can fall outside the mapping or past the object "
       "behind it"},
      {check::StatefulHook, "resource acquisition inside an mmap_prepare hook"},
      {check::ApiMisuse, "misuse of the mmap_prepare API"},
  };
  return Checks;
}

CheckFilter::CheckFilter(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Text.split(Parts, ',', -1, false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    bool Negative = Part.consume_front("-");
    Globs.push_back({!Negative, Part.str()});
  }
}

std::string CheckFilter::spec() const {
  std::string Spec;
  for (const auto &[Positive, Glob] : Globs)
    Spec += (Spec.empty() ? "" : ",") + std::string(Positive ? "" : "-") + Glob;
  return Spec;
}

bool CheckFilter::isEnabled(llvm::StringRef CheckId) const {
  bool Enabled = false;
  for (const auto &[Positive, Glob] : Globs) {
    auto Pattern = llvm::GlobPattern::create(Glob);
    if (!Pattern) {
      llvm::consumeError(Pattern.takeError());
      continue;
    }
    if (Pattern->match(CheckId))
      Enabled = Positive;
  }
  return Enabled;
}

} // namespace mpl
