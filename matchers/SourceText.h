//===- SourceText.h - spelled source of AST nodes ---------------*- C++ -*-===//
//
// Rewrites need the text a user wrote, not what the preprocessor produced.
// These helpers map AST ranges back to file ranges, and say when that is not
// possible (the node was produced inside a macro body).
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_SOURCETEXT_H
#define MPL_MATCHERS_SOURCETEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <optional>
#include <string>

namespace mpl {

/// The file character range that spells \p R, or nullopt when part of it
/// comes from a macro body (only macro arguments map back to the file).
std::optional<clang::CharSourceRange>
spelledFileRange(clang::SourceRange R, const clang::ASTContext &Ctx);

/// The text of \p R as written, or nullopt (see spelledFileRange).
std::optional<std::string> spelledText(clang::SourceRange R,
                                       const clang::ASTContext &Ctx);

/// Name of the outermost macro whose expansion is exactly \p R (for a
/// `VM_IO` leaf inside `VM_IO | VM_PFNMAP`), or "" when \p R is not a whole
/// macro expansion.
std::string macroSpelledAs(clang::SourceRange R, const clang::ASTContext &Ctx);

/// The name of the outermost macro the source wrote around \p Loc (not a
/// macro argument), or "".
std::string outermostMacroName(clang::SourceLocation Loc,
                               const clang::ASTContext &Ctx);

/// Leading whitespace of the line that holds \p Loc (the statement's indent).
std::string indentationAt(clang::SourceLocation Loc,
                          const clang::ASTContext &Ctx);

/// Is \p ME a member access to an anonymous struct or union?
bool isAnonymousMember(const clang::MemberExpr *ME);

/// `vma->vm_start` reaches its field through the anonymous unions and
/// structs of vm_area_struct (and desc->vm_flags through a 6.19 union):
/// the object behind them, parentheses and casts stripped.
const clang::Expr *baseThroughAnonymous(const clang::MemberExpr *ME);

/// When \p Loc is the symbol's name inside an `EXPORT_SYMBOL*(sym)`
/// invocation written in a file, the location of that name as written;
/// otherwise an invalid location. The macro declares and references the
/// symbol, all from this one token.
clang::SourceLocation exportedNameToken(clang::SourceLocation Loc,
                                        const clang::ASTContext &Ctx);

/// Absolute path of the file that holds \p Loc (after macro expansion).
std::string filePathOf(clang::SourceLocation Loc,
                       const clang::SourceManager &SM);

} // namespace mpl

#endif
