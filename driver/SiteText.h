//===- SiteText.h - can a file's text spell an ops-table site? --*- C++ -*-===//
//
// The pre-filter's view of a file, from its text alone: every finding hangs
// off an ops-table site (an `.mmap =` of a `struct file_operations`, or an
// --ops slot), so a unit none of whose files can spell one is not parsed.
// The tests below are conservative: they answer "can" whenever the text
// does not rule a site out.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_SITETEXT_H
#define MPL_DRIVER_SITETEXT_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>
#include <vector>

namespace mpl {

/// The slot names and ops struct types a site is spelled with.
struct SiteWords {
  std::vector<std::string> Slots = {"mmap", "mmap_prepare"};
  std::vector<std::string> OpsTypes = {"file_operations"};
};
/// The default sites plus the --ops slots.
SiteWords
siteWords(const std::vector<std::pair<std::string, std::string>> &ExtraSlots);

/// \p Text without comments, and with the contents of string and character
/// literals blanked, so that kernel-doc ("@mmap: ...") and format strings
/// ("mmap: %ps") do not count.
std::string stripComments(llvm::StringRef Text);

/// Where a comment-free text can spell a site.
struct SiteSpelling {
  /// Outside any macro definition: the file is a site where it is read.
  bool Direct = false;
  /// Macros whose definitions spell a site: a site wherever expanded.
  std::vector<std::string> Macros;
  /// The functions installed as `.mmap_prepare = fn` (or `->mmap_prepare =
  /// fn;`): such a site yields findings only about fn's body, so it counts
  /// only in a unit where fn may be defined (mayDefineFunction).
  std::vector<std::string> PrepareHooks;
  bool any() const {
    return Direct || !Macros.empty() || !PrepareHooks.empty();
  }
};

/// A slot name used as a designator or an assigned member (`mmap =`, GNU
/// `mmap: fn`), as a macro argument (`(mmap,` `, mmap)`) or next to `##`;
/// or an ops struct type followed by an initialiser with a positional
/// element. Not a site: `.mmap =` in an initialiser whose text names
/// another struct type (`struct v4l2_file_operations x = {`, `(struct
/// proto_ops){`, an element of `struct vb2_mem_ops x[] = {`), when the brace
/// nesting around it is plain.
SiteSpelling spellSites(llvm::StringRef CommentFreeText, const SiteWords &W);

/// spellSites(stripComments(Text), W).any().
bool canSpellSite(llvm::StringRef Text, const SiteWords &W);

/// How a comment-free text uses the macro \p Name.
struct MacroUse {
  /// Outside directives: the macro is expanded there.
  bool Expanded = false;
  /// The macros whose definitions name it, or paste pieces of its name
  /// together (`x ## _FOPS`): uses wherever they are expanded.
  std::vector<std::string> InDefinitionsOf;
};
MacroUse macroUse(llvm::StringRef CommentFreeText, llvm::StringRef Name);

/// Can a comment-free text define the function \p Name? `Name(...) {` (or
/// an attribute before the brace), Name in a directive, as a macro argument
/// (`DEFINE_HOOK(Name)`), or a definition pasting a piece of it together.
bool mayDefineFunction(llvm::StringRef CommentFreeText, llvm::StringRef Name);

} // namespace mpl

#endif
