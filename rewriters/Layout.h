//===- Layout.h - kernel-style layout of rewritten statements ---*- C++ -*-===//
//
// Edits are written token by token; what a reviewer sees is lines. After a
// rewrite, each statement it touched is laid out again as kernel code is:
// continuation lines that were aligned with an open parenthesis follow it
// to its new column, lines the rewrite created align with theirs, and a
// rewritten line wider than the file's width breaks after `&&`/`||` at its
// outermost level, else between arguments, else after another binary
// operator, continuing under the open parenthesis. Lines the rewrite did
// not touch keep their author's layout.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_REWRITERS_LAYOUT_H
#define MPL_REWRITERS_LAYOUT_H

#include "rewriters/Edit.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace mpl {

/// Visual width of \p S (tabs of 8, as kernel style counts) when it starts
/// at column \p Col.
unsigned visualWidth(llvm::StringRef S, unsigned Col = 0);

/// The width rewritten lines keep to in \p Buffer: 80 columns (tabs of 8),
/// unless the file's own code lines go longer (three or more past 80, not
/// counting comment lines and lines with string literals, which kernel
/// style does not break);
/// then its longest such line, at most 100 (checkpatch's limit).
unsigned lineWidthOf(llvm::StringRef Buffer);

/// One statement (whole lines) laid out again. \p NewText is \p OldText
/// with edits applied; \p Origin maps each byte of NewText to its offset in
/// OldText, or -1 for text an edit wrote.
std::string layoutStatement(llvm::StringRef OldText, llvm::StringRef NewText,
                            llvm::ArrayRef<int> Origin, unsigned Width,
                            const clang::LangOptions &LO);

/// \p Edits with those of every statement whose layout changes merged into
/// one edit over the statement's lines. Statements an edit crosses into or
/// out of keep their edits as they are.
std::vector<Edit> layoutEdits(std::vector<Edit> Edits,
                              const clang::SourceManager &SM,
                              const clang::LangOptions &LO);

} // namespace mpl

#endif
