//===- RuntimeFops.h - ops tables swapped into live files -------*- C++ -*-===//
//
// `file->f_op = &tbl` and `replace_fops(file, &tbl)` install a table in a
// file that is already open. __mmap_region reads f_op->mmap_prepare once,
// and __mmap_new_file_vma reads f_op->mmap later: a table swapped in must
// have the hook kind of every table it can replace (kernel-api.md 6a).
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_RUNTIMEFOPS_H
#define MPL_MATCHERS_RUNTIMEFOPS_H

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"

namespace mpl {

/// Each table variable whose address this unit stores into a file's f_op,
/// with the first place that does it.
llvm::DenseMap<const clang::VarDecl *, clang::SourceLocation>
findRuntimeInstalledTables(clang::ASTContext &Ctx);

} // namespace mpl

#endif
