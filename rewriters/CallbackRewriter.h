//===- CallbackRewriter.h - legacy mmap callback -> mmap_prepare -*- C++
//-*-===//
#ifndef MPL_REWRITERS_CALLBACKREWRITER_H
#define MPL_REWRITERS_CALLBACKREWRITER_H

#include "matchers/CallbackModel.h"
#include "rewriters/ApiLevel.h"
#include "rewriters/Edit.h"

namespace mpl {

struct RewriteRequest {
  const CallbackModel *Model = nullptr;
  /// Only render the model's leaves (flag uses in code that is already on
  /// mmap_prepare): no signature, prologue or ops-table changes.
  bool LeavesOnly = false;
  /// A helper converted with its callback: its vma parameter becomes
  /// `struct vm_area_desc *desc` in every declaration.
  bool RetypeVmaParam = false;
  /// The level whose spelling to emit (never auto here).
  unsigned Level = ApiLevel::Newest;
  /// Check each emitted helper against the TU's declarations (auto mode).
  const DeclaredApi *MustBeDeclared = nullptr;
  std::string NewName;
  /// The table installs a kernel library handler (generic_file_mmap) that
  /// has a descriptor twin: only the slots and references change, to it.
  const KernelApiEntry *LibraryHandler = nullptr;
  /// The callback is defined in another translation unit and converted
  /// there: only this unit's slots, references and prototypes change.
  bool SitesOnly = false;
  std::string DescName = "desc";
  /// Lay out the rewritten statements (rewriters/Layout.h); off for a
  /// helper, whose edits join its callback's.
  bool LayOut = true;
  /// `mmap` tokens of ops-table slots to become `mmap_prepare`, and the
  /// callback references in them to rename.
  std::vector<clang::SourceLocation> SlotFieldTokens;
  std::vector<clang::SourceLocation> CallbackRefTokens;
};

struct RewriteResult {
  std::vector<Edit> Edits;
  /// Reasons found while rewriting (a helper the target level lacks); when
  /// any is present, Edits is empty: a callback converts whole or not at all.
  std::vector<Reason> Reasons;
  /// Helpers the rewrite emits, for --explain.
  std::vector<std::string> HelpersUsed;
};

RewriteResult rewriteCallback(const RewriteRequest &Request,
                              clang::ASTContext &Ctx);

} // namespace mpl

#endif
