//===- Edit.h - a text replacement in one file ------------------*- C++ -*-===//
#ifndef MPL_REWRITERS_EDIT_H
#define MPL_REWRITERS_EDIT_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include <string>
#include <vector>

namespace mpl {

/// Replace [Offset, Offset + Length) of File with Text. Range keeps the
/// source range for front ends that speak SourceLocations (clang-tidy).
struct Edit {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  clang::CharSourceRange Range;

  bool operator==(const Edit &O) const {
    return File == O.File && Offset == O.Offset && Length == O.Length &&
           Text == O.Text;
  }
  bool operator<(const Edit &O) const {
    if (File != O.File)
      return File < O.File;
    if (Offset != O.Offset)
      return Offset < O.Offset;
    if (Length != O.Length)
      return Length < O.Length;
    return Text < O.Text;
  }
};

/// The edit replacing \p R (a char or token range within one file) with
/// \p Text.
Edit makeEdit(clang::CharSourceRange R, std::string Text,
              const clang::SourceManager &SM, const clang::LangOptions &LO);

/// The edit replacing the token at \p Loc, a file location, with \p Text.
Edit replaceTokenEdit(clang::SourceLocation Loc, std::string Text,
                      const clang::SourceManager &SM,
                      const clang::LangOptions &LO);

} // namespace mpl

#endif
