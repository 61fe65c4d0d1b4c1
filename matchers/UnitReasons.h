//===- UnitReasons.h - what the rest of a unit says about a callback -*- C++
//-*-//
//
// Reasons a legacy callback cannot simply be converted that come from the
// translation unit around it, not from its body: how its tables install it
// (positional, both hooks, swapped in at runtime), who else names it (calls,
// exports, macro-built tables), what its new name would clash with, and
// whether other units can see it at all.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_UNITREASONS_H
#define MPL_MATCHERS_UNITREASONS_H

#include "matchers/CallbackModel.h"
#include "matchers/MmapSites.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>
#include <string>
#include <vector>

namespace mpl {

class UnitReasons {
public:
  /// \p Declares: does the unit declare this name (the headers' helpers
  /// included)?
  UnitReasons(clang::ASTContext &Ctx,
              std::function<bool(llvm::StringRef)> Declares);

  /// \p Callback is installed from inside a macro's body.
  void noteMacroInstalled(const clang::FunctionDecl *Callback);

  /// What the tables installing the callback at \p Sites stand for.
  void addSiteReasons(CallbackModel &M,
                      const std::vector<const MmapSite *> &Sites) const;
  /// What else in this unit names the callback (each such use needs the
  /// legacy signature), and whether \p NewName is taken. With
  /// \p OtherUnitsKnown (the runner found every unit that names it), an
  /// export is renamed with it.
  void addReferenceReasons(CallbackModel &M,
                           const clang::FunctionDecl *Callback,
                           const std::vector<const MmapSite *> &Sites,
                           bool OtherUnitsKnown,
                           const std::string &NewName) const;
  /// Without \p OtherUnitsKnown, a declaration in another file means users
  /// this unit cannot see; `desc` must be free in the definition.
  void addDefinitionReasons(CallbackModel &M, const clang::FunctionDecl *Def,
                            bool OtherUnitsKnown) const;

private:
  clang::ASTContext &Ctx;
  std::function<bool(llvm::StringRef)> Declares;
  llvm::DenseMap<const clang::VarDecl *, clang::SourceLocation> RuntimeTables;
  llvm::DenseSet<const clang::FunctionDecl *> MacroInstalled;
};

/// `EXPORT_SYMBOL(fn)` names written in this unit's files.
std::vector<clang::SourceLocation>
exportedNameTokens(const clang::FunctionDecl *FD, clang::ASTContext &Ctx);
/// Other units can name \p Def: a declaration in another file (a header)
/// or an export.
bool isVisibleToOtherUnits(const clang::FunctionDecl *Def,
                           clang::ASTContext &Ctx);
/// A declaration of \p Def outside its file (a header prototype).
const clang::FunctionDecl *redeclInAnotherFile(const clang::FunctionDecl *Def,
                                               const clang::SourceManager &SM);
/// The files that declare \p FD, in declaration order.
std::vector<std::string> declarationFiles(const clang::FunctionDecl *FD,
                                          const clang::SourceManager &SM);

} // namespace mpl

#endif
