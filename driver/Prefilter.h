//===- Prefilter.h - skip translation units that cannot matter --*- C++ -*-===//
//
// Before any parse, a translation unit is analysed only if a file it can
// read spells an ops-table site (SiteText.h): its main file, or a header it
// can include (its -I/-iquote/-isystem/-idirafter/-include paths, quoted and
// angled includes, recursively). A site inside a macro's definition counts
// only if a file of the unit expands that macro, or a macro defined with it
// (drm_gem.h's DRM_GEM_FOPS, through DEFINE_DRM_GEM_FOPS); an installed
// `.mmap_prepare = fn` only if a file of the unit may define fn (the
// checks of mmap_prepare hooks read its body). Conservative: a
// computed include (#include MACRO) or an unreadable main file means
// "analyse"; an include that resolves to several files (include paths
// searched in order, #include_next) follows all of them; conditional
// compilation is ignored (every #include and every definition counts).
// Per-file results are cached for the whole run.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_PREFILTER_H
#define MPL_DRIVER_PREFILTER_H

#include "driver/SiteText.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mpl {

/// Words without which a file spells no site: the cheap test before
/// spellSites.
std::vector<std::string> defaultPrefilterKeywords();

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
  const MacroUse &use(const std::string &Path, const std::string &Macro);
  bool mayDefine(const std::string &Path, const std::string &Fn);
  /// \p Path's text again, comments removed ("" when it cannot hold
  /// \p Word), or none when it cannot be read.
  std::optional<std::string> reread(const std::string &Path,
                                    llvm::StringRef Word);
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
