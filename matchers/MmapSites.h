//===- MmapSites.h - ops-table slots that install an mmap callback -*- C++
//-*-=//
#ifndef MPL_MATCHERS_MMAPSITES_H
#define MPL_MATCHERS_MMAPSITES_H

#include "clang/AST/ASTContext.h"
#include <string>
#include <vector>

namespace mpl {

/// One place that installs a callback in an ops table's mmap slot.
struct MmapSite {
  enum Kind { Designated, Positional, Assignment } K = Designated;
  /// Ops struct and slot: "file_operations", "mmap".
  std::string OpsType, Slot;
  /// The table variable, when the site is an initialiser.
  const clang::VarDecl *Table = nullptr;
  /// The installed value, and the function it names (null if it is not a
  /// plain function reference).
  const clang::Expr *Value = nullptr;
  const clang::FunctionDecl *Callback = nullptr;
  /// Location of the value's name token (to rename the callback).
  clang::SourceLocation CallbackRefLoc;
  /// The `mmap` token of the designator or member (to rename the slot).
  clang::SourceLocation SlotLoc;
  /// Where to report: the designator or assignment.
  clang::SourceLocation Loc;
  /// The same table also sets mmap_prepare.
  bool AlsoSetsPrepare = false;
};

/// Finds every `.mmap` of a `struct file_operations` in the translation unit
/// (designated and positional initialisers, arrays of ops, assignments), and
/// the slots of the extra ops structs given as "struct.field" pairs.
std::vector<MmapSite>
findMmapSites(clang::ASTContext &Ctx,
              const std::vector<std::pair<std::string, std::string>> &Extra);

} // namespace mpl

#endif
