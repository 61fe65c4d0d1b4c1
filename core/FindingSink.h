//===- FindingSink.h - where a unit's reporters put findings ----*- C++ -*-===//
//
// Resolves source locations to positions and keeps a finding unless its
// check is disabled or a NOLINT comment or the suppression list silences it
// (those are counted). Every reporter of every check goes through one sink
// per translation unit, so the policy is the same for all of them.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_FINDINGSINK_H
#define MPL_CORE_FINDINGSINK_H

#include "core/Engine.h"
#include "clang/Basic/SourceManager.h"
#include <initializer_list>
#include <optional>

namespace mpl {

class FindingSink {
public:
  FindingSink(const clang::SourceManager &SM, const EngineOptions &Opts,
              TranslationUnitResult &Out)
      : SM(SM), Opts(Opts), Out(Out) {}

  /// Where \p Loc is written: its file location (the expansion of a macro),
  /// or with \p Spelling where the macro spells it.
  Position position(clang::SourceLocation Loc, bool Spelling = false) const;

  /// The index of \p F in the unit's findings, unless it was dropped.
  std::optional<unsigned> add(Finding F);

  /// One finding of \p Check per reason of \p M whose code is one of
  /// \p Codes, worded \p Prefix + the reason's message.
  void addReasons(const CallbackModel &M, const char *Check,
                  std::initializer_list<ReasonCode> Codes,
                  llvm::StringRef Prefix);

  /// Would \p F be dropped (its check disabled, or suppressed)?
  bool silenced(const Finding &F) const;

  const clang::SourceManager &sourceManager() const { return SM; }

private:
  /// A NOLINT comment or the suppression list drops \p F.
  bool suppressed(const Finding &F) const;

  const clang::SourceManager &SM;
  const EngineOptions &Opts;
  TranslationUnitResult &Out;
};

} // namespace mpl

#endif
