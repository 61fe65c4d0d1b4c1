//===- KernelDoc.h - the kernel-doc comment of a converted callback -*- C++
//-*-//
//
// A callback renamed to mmap_prepare keeps its documentation true and
// `scripts/kernel-doc -Wall` quiet: the `/** name - ...` line names the new
// function, the lines of the parameters that are gone (the file and the
// vma) become one line for the descriptor, keeping the author's wording of
// the vma line, and `@vma` in the text becomes `@desc`.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_REWRITERS_KERNELDOC_H
#define MPL_REWRITERS_KERNELDOC_H

#include "rewriters/Edit.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <optional>

namespace mpl {

/// The rewritten kernel-doc block of \p Text for a callback renamed from
/// \p OldName to \p NewName whose parameters \p FileParam and \p VmaParam
/// became \p DescParam; nullopt when \p Text is not that function's
/// kernel-doc block.
std::optional<std::string>
rewriteKernelDoc(llvm::StringRef Text, llvm::StringRef OldName,
                 llvm::StringRef NewName, llvm::StringRef FileParam,
                 llvm::StringRef VmaParam, llvm::StringRef DescParam);

/// The edit of the kernel-doc block written right above \p Def, if it has
/// one (see rewriteKernelDoc).
std::optional<Edit> kernelDocEdit(const clang::FunctionDecl *Def,
                                  llvm::StringRef NewName,
                                  llvm::StringRef DescParam,
                                  clang::ASTContext &Ctx);

} // namespace mpl

#endif
