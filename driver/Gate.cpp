//===- Gate.cpp -----------------------------------------------------------===//
#include "driver/Gate.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <set>

namespace mpl {

void Gate::filter(Report &R, llvm::StringRef BaseDir, SourceLines &Lines) {
  if (Opts.WriteBaseline.empty() && Opts.Baseline.empty())
    return;
  std::vector<std::string> Fingerprints =
      findingFingerprints(R, BaseDir, Lines);
  if (!Opts.WriteBaseline.empty())
    writeOutputFile(Opts.WriteBaseline, baselineFile(R, Fingerprints, BaseDir),
                    R);
  if (Opts.Baseline.empty())
    return;
  std::multiset<std::string> Known;
  std::string Error;
  if (!readBaseline(Opts.Baseline, Known, Error)) {
    R.Errors.push_back({Opts.Baseline, Error});
    return;
  }
  std::vector<Finding> New;
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    auto It = Known.find(Fingerprints[I]);
    if (It != Known.end()) {
      Known.erase(It);
      ++Baselined;
      continue;
    }
    New.push_back(std::move(R.Findings[I]));
  }
  R.Findings = std::move(New);
}

ExitStatus Gate::exitStatus(const Report &R) const {
  if (Opts.ErrorsFail && !R.Errors.empty())
    return ExitError;
  for (const Finding &F : R.Findings)
    if (Opts.FailOn.isEnabled(F.Check))
      return ExitFindings;
  return ExitClean;
}

bool writeOutputFile(llvm::StringRef Path, llvm::StringRef Text, Report &R) {
  llvm::StringRef Parent = llvm::sys::path::parent_path(Path);
  if (!Parent.empty() && !llvm::sys::fs::is_directory(Parent)) {
    R.Errors.push_back({Path.str(), "cannot write: directory '" + Parent.str() +
                                        "' does not exist"});
    return false;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC) {
    R.Errors.push_back({Path.str(), "cannot write: " + EC.message()});
    return false;
  }
  OS << Text;
  return true;
}

} // namespace mpl
