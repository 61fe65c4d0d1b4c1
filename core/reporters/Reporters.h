//===- Reporters.h - the findings of each check, worded --------*- C++ -*-===//
//
// One reporter per check id (files next to this header): each turns what
// the matchers found into findings with the check's wording. The engine
// (core/Engine.cpp) decides what to analyse and calls them; the legacy-hook
// finding of a callback is composed by legacyHookFinding()
// (core/CallbackVerdict.h), shared with the tree runner.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_REPORTERS_REPORTERS_H
#define MPL_CORE_REPORTERS_REPORTERS_H

#include "core/FindingSink.h"
#include "matchers/CallbackModel.h"
#include "matchers/MmapSites.h"
#include "matchers/PrepareHook.h"
#include "clang/AST/ASTContext.h"
#include <vector>

namespace mpl {

/// "file_operations.mmap", "fb_ops.fb_mmap", ...
std::string slotName(const MmapSite &S);

// mmap-prepare-legacy-hook
/// Sites written inside one macro's body: blocked, named by the macro.
void reportMacroSites(FindingSink &Sink,
                      const std::vector<const MmapSite *> &Group,
                      clang::ASTContext &Ctx);

// mmap-prepare-vm-flags
/// How the flag uses of \p M are spelled on a descriptor at API \p Level.
/// \p Edits, when given, are the fix of a single flag use (code already on
/// mmap_prepare, named by \p Subject); otherwise, with \p Fixed, the fix
/// rides on the finding of \p ConvertedWith (default: M's definition).
void reportFlagUses(FindingSink &Sink, const CallbackModel &M, unsigned Level,
                    bool Fixed, std::vector<Edit> Edits = {},
                    const char *Subject = nullptr,
                    const clang::FunctionDecl *ConvertedWith = nullptr);

// mmap-prepare-remap-range
void reportRangeProblems(FindingSink &Sink, const clang::FunctionDecl *Hook,
                         const clang::ParmVarDecl *Mapping,
                         clang::ASTContext &Ctx);

// mmap-prepare-stateful-hook
/// The state-in-hook reasons of \p M.
void reportStatefulCalls(FindingSink &Sink, const CallbackModel &M);
/// A failing action skips ->mapped but still runs ->close
/// (kernel-api.md 6a, step 4).
void reportUnbalancedMapped(FindingSink &Sink, const clang::FunctionDecl *Hook,
                            clang::ASTContext &Ctx);

// mmap-prepare-api-misuse
void reportBothHooks(FindingSink &Sink, const MmapSite &S);
/// Misuses of the descriptor API in an mmap_prepare hook, outdated names
/// with their renames as fixes.
void reportMisuses(FindingSink &Sink, const PrepareHookModel &Model,
                   clang::ASTContext &Ctx);

} // namespace mpl

#endif
