//===- Prefilter.h - skip translation units that cannot matter --*- C++ -*-===//
//
// Before any parse, a translation unit is analysed only if its source or a
// header it can include (its -I/-iquote/-isystem/-idirafter/-include paths,
// quoted and angled includes, recursively) mentions one of the keywords.
// Conservative: a computed include (#include MACRO) or an unreadable main
// file means "analyse"; an include that resolves to several files (include
// paths searched in order, #include_next) follows all of them; conditional
// compilation is ignored (every #include counts). Per-header results are
// cached for the whole run.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_PREFILTER_H
#define MPL_DRIVER_PREFILTER_H

#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace mpl {

/// The words of the main file whose absence proves a translation unit has no
/// finding.
std::vector<std::string> defaultPrefilterKeywords();

/// Headers are held to a narrower test, because kernel headers mention
/// mmap and VM_ everywhere (fs.h declares the slot; "LLVM_" contains "VM_"):
/// every finding hangs off an ops-table site, so a header matters only if
/// it can spell one: a slot name (mmap, mmap_prepare, --ops fields) used as
/// a designator or assigned member (`mmap =`, `mmap:`), passed as a macro
/// argument (`(mmap,` `, mmap)`) or pasted (`##`); or an ops struct type
/// followed by an initialiser (`file_operations x[] = {`, `(struct
/// file_operations){`), which covers positional initialisers.
struct SiteWords {
  std::vector<std::string> Slots = {"mmap", "mmap_prepare"};
  std::vector<std::string> OpsTypes = {"file_operations"};
};
/// The default sites plus the --ops slots.
SiteWords
siteWords(const std::vector<std::pair<std::string, std::string>> &ExtraSlots);

bool canSpellSite(llvm::StringRef Text, const SiteWords &W);

class Prefilter {
public:
  Prefilter(std::vector<std::string> Keywords, SiteWords Site);
  ~Prefilter();

  /// True when the unit must be parsed. \p Why names the first file that
  /// mentions a keyword (or the reason for doubt).
  bool mustAnalyse(const clang::tooling::CompileCommand &C,
                   std::string *Why = nullptr);

private:
  struct Header;
  struct SearchPath;
  const Header &scan(const std::string &Path);
  std::vector<std::string> resolve(const std::string &Name, bool Angled,
                                   bool Next, const std::string &IncluderDir,
                                   const SearchPath &SP);
  bool exists(const std::string &Path);

  std::vector<std::string> Keywords;
  SiteWords Site;
  std::unordered_map<std::string, std::unique_ptr<Header>> Headers;
  std::unordered_map<std::string, bool> Exists;
  std::unordered_map<std::string, std::vector<std::string>> Resolved;
  std::unordered_map<std::string, unsigned> SearchPathIds;
};

} // namespace mpl

#endif
