//===- CallbackModel.h - what a legacy mmap callback does -------*- C++ -*-===//
//
// The analysis result for one `int fn(struct file *, struct vm_area_struct *)`
// callback: every use of its vma, the page-table work it does, and the
// reasons it cannot be converted mechanically. Rewriters read only this.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_CALLBACKMODEL_H
#define MPL_MATCHERS_CALLBACKMODEL_H

#include "matchers/KernelApi.h"
#include "matchers/Reasons.h"
#include "matchers/VmaFlags.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include <optional>
#include <string>
#include <vector>

namespace mpl {

/// One thing that stands between a callback and a mechanical conversion.
/// Codes are public and stable (matchers/Reasons.def).
struct Reason {
  ReasonCode Code;
  Classification Severity = Classification::Manual;
  std::string Message;
  clang::SourceLocation Loc;
};

enum class VmaField {
  Start,
  End,
  Pgoff,
  PageProt,
  VmOps,
  PrivateData,
  VmFile,
  Mm,
  Flags
};

/// A use of the vma that becomes an expression on the descriptor.
struct LeafUse {
  enum Kind {
    Field, // vma->vm_pgoff          -> desc->pgoff
    Size,  // vma->vm_end - vma->vm_start -> vma_desc_size(desc)
    Twin,  // generic_file_mmap(file, vma) -> generic_file_mmap_prepare(desc)
    FlagTestAny, // vma->vm_flags & VM_X   -> vma_desc_test[_any](desc, ...)
    FlagTestAll, // (vma->vm_flags & M) == M -> vma_desc_test_all(desc, ...)
    FlagSet,     // vm_flags_set(vma, M)   -> vma_desc_set_flags(desc, ...)
    FlagClear,   // vm_flags_clear(vma, M) -> vma_desc_clear_flags(desc, ...)
    FlagMod,     // vm_flags_mod(vma, S, C) -> set then clear (two statements)
    FlagReset,   // vm_flags_reset/init(vma, M) -> desc->vma_flags =
                 // mk_vma_flags(...)
    FlagCompare, // (vma->vm_flags & (A | B)) != A -> !vma_desc_test(desc, A) ||
                 //   vma_desc_test(desc, B): Bits must be set, ClearBits clear
    FlagWord,    // vm_flags_t f = vma->vm_flags ->
                 // vma_flags_to_legacy(desc->vma_flags)
    VmaArg,      // helper(vma) -> helper(desc), the helper converted with it
  };
  LeafUse(Kind K, const clang::Expr *E) : K(K), E(E) {}
  Kind K;
  const clang::Expr *E; // the node whose spelling is replaced
  VmaField FieldName = VmaField::Start;
  std::vector<std::string> Bits; // flag kinds: VMA_xxx_BIT names (set side)
  std::vector<std::string> ClearBits; // FlagMod: the clear side
  /// A merged flag test of a longer chain (`x && A && B`) covers E (A) to
  /// SpanEnd (B), which are not one node of the AST.
  const clang::Expr *SpanEnd = nullptr;
  /// FlagTestAny/All/Compare: the whole test is negated.
  bool Negated = false;
  /// Twin: the kernel-API row of the legacy call.
  const KernelApiEntry *Api = nullptr;
  /// Twin: the call is a whole function-like macro invocation
  /// (vma_set_flags(vma, ...)); its name and first argument are replaced.
  bool MacroInvocation = false;
  bool isFlagUse() const { return K >= FlagTestAny && K != VmaArg; }
};

/// How the legacy code consumed the page-table call's result.
enum class ResultUse {
  Returned,    // return remap_pfn_range(...);
  FailReturns, // if (remap_pfn_range(...)) return -EAGAIN;
  Checked,     // ret = remap_pfn_range(...); if (ret) return ret;
  Ignored      // remap_pfn_range(...);
};

/// A local that only carries the page protection to the page-table call
/// (`pgprot_t prot = vma->vm_page_prot; prot = pgprot_noncached(prot);
/// remap_pfn_range(..., prot)`): the conversion folds it into
/// desc->page_prot, which the action maps with.
struct ProtTemporary {
  const clang::VarDecl *Var = nullptr;
  const clang::DeclStmt *Decl = nullptr;
  /// `prot = vma->vm_page_prot;` when the initialiser does not give it.
  const clang::Stmt *SourceAssignment = nullptr;
  /// References to become desc->page_prot (`prot = pgprot_noncached(prot)`).
  std::vector<const clang::DeclRefExpr *> Rewritten;
};

/// Page-table work that becomes a deferred mmap action.
struct MapAction {
  ActionKind Kind = ActionKind::Remap;
  const KernelApiEntry *Api = nullptr;
  const clang::CallExpr *Call = nullptr;
  std::string CalleeName;
  ResultUse Use = ResultUse::Returned;
  /// Statements the action replaces, in order (the call's statement first).
  std::vector<const clang::Stmt *> Replaced;
  /// A local that only carried the result and goes away with it.
  const clang::VarDecl *ResultVar = nullptr;
  const clang::DeclStmt *ResultVarDecl = nullptr;
  /// Spelling of the errno a failure was turned into ("-EAGAIN"), if any.
  std::string ErrorOverride;
  /// The call covers exactly [vm_start, vm_end).
  bool WholeMapping = false;
  /// Call arguments after the vma (start, pfn, size, prot, ... as the callee
  /// takes them); the protection argument is null when it is vm_page_prot.
  std::vector<const clang::Expr *> Args;
  const clang::Expr *Prot = nullptr;
  /// Set when Prot is a local that folds into desc->page_prot.
  std::optional<ProtTemporary> ProtLocal;
};

struct CallbackModel {
  const clang::FunctionDecl *Definition = nullptr;
  const clang::ParmVarDecl *FileParm = nullptr;
  const clang::ParmVarDecl *VmaParm = nullptr;
  /// References to the file parameter; those inside replaced statements
  /// (generic_file_mmap(file, vma)) disappear with them.
  std::vector<const clang::DeclRefExpr *> FileRefs;
  std::vector<LeafUse> Leaves;
  std::vector<MapAction> Actions;
  /// `if (!vma) return -EINVAL;`: dropped, a descriptor is never NULL.
  std::vector<const clang::IfStmt *> NullTests;
  std::vector<Reason> Reasons;
  /// Informational notes that do not change the class ("the ignored result
  /// of remap_pfn_range() now fails the mmap").
  std::vector<std::pair<clang::SourceLocation, std::string>> Notes;
  /// Helpers of this TU that take the vma and are converted with the
  /// callback (desc twins): each analysed by the same rules.
  std::vector<CallbackModel> Helpers;
  /// For a helper: the index of its vma parameter.
  unsigned VmaParamIndex = 1;
  /// One line per decision, for --explain.
  std::vector<std::string> Explanation;

  Classification classification() const;
  /// Adds a reason with its registry severity (or \p Severity).
  void addReason(ReasonCode Code, std::string Msg, clang::SourceLocation Loc);
  void addReason(ReasonCode Code, Classification Severity, std::string Msg,
                 clang::SourceLocation Loc);
};

} // namespace mpl

#endif
