//===- CallbackAnalyzer.h - analyse one legacy mmap callback ----*- C++ -*-===//
#ifndef MPL_MATCHERS_CALLBACKANALYZER_H
#define MPL_MATCHERS_CALLBACKANALYZER_H

#include "matchers/CallbackModel.h"
#include "llvm/ADT/DenseSet.h"

namespace mpl {

/// Facts about the whole translation unit the per-callback analysis needs.
struct TranslationUnitFacts {
  /// Functions installed as `vm_operations_struct.open`.
  llvm::DenseSet<const clang::FunctionDecl *> VmOpenHandlers;
};

TranslationUnitFacts collectTranslationUnitFacts(clang::ASTContext &Ctx);

/// Analyses the body of \p Definition, a `(struct file *, struct
/// vm_area_struct *)` callback defined in this translation unit.
CallbackModel analyzeCallback(const clang::FunctionDecl *Definition,
                              clang::ASTContext &Ctx,
                              const TranslationUnitFacts &Facts);

/// Every reference to \p FD (any redeclaration) in the translation unit.
std::vector<const clang::DeclRefExpr *>
referencesTo(const clang::FunctionDecl *FD, clang::ASTContext &Ctx);

/// Does \p FD (parameters and body) declare something named \p Name?
bool declaresName(const clang::FunctionDecl *FD, llvm::StringRef Name);

/// Does \p FD have the legacy mmap callback's signature?
bool hasLegacyMmapSignature(const clang::FunctionDecl *FD);

/// The function-like macro that spells the whole call, if any
/// (dma_mmap_coherent() wraps dma_mmap_attrs()), else "".
std::string wrappingMacro(const clang::CallExpr *Call,
                          const clang::ASTContext &Ctx);

/// Name of the callee as spelled (a macro alias such as io_remap_pfn_range
/// keeps its own name), or "" for an indirect call.
std::string spelledCalleeName(const clang::CallExpr *Call,
                              const clang::ASTContext &Ctx);

} // namespace mpl

#endif
