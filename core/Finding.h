//===- Finding.h - one diagnostic of the tool -------------------*- C++ -*-===//
#ifndef MPL_CORE_FINDING_H
#define MPL_CORE_FINDING_H

#include "matchers/CallbackModel.h"
#include "rewriters/Edit.h"
#include "clang/Basic/SourceLocation.h"
#include <optional>
#include <string>
#include <vector>

namespace mpl {

enum class Severity { Warning, Error };

/// A resolved position: valid after the AST is gone.
struct Position {
  std::string File;
  unsigned Line = 0, Column = 0;
  clang::SourceLocation Loc; // only while the TU's AST lives
};

struct FindingNote {
  Position Where;
  std::string Message;
};

struct Finding {
  std::string Check;
  Severity Level = Severity::Warning;
  std::string Message;
  Position Where;
  std::vector<FindingNote> Notes;
  /// Set for findings about a legacy callback.
  std::optional<Classification> Class;
  std::vector<std::string> Reasons;
  /// The tool can fix this finding (with this finding's edits or with those
  /// of the finding that carries its callback's conversion).
  bool Fixable = false;
  std::vector<Edit> Fix;
  /// The callback this finding is about, if any, and the file that defines
  /// it when known (one callback installed from several files counts once).
  std::string Callback;
  std::string CallbackFile;
  /// What this finding's conversion changes in behaviour, for the
  /// changelog of its patch (empty when it has no conversion).
  std::vector<std::string> Changes;
  /// --explain: why the callback got its class.
  std::vector<std::string> Explanation;
  /// Number of macro expansions folded into this finding (0: not a macro).
  unsigned Expansions = 0;
};

} // namespace mpl

#endif
