//===- Engine.h - analyse one translation unit ------------------*- C++ -*-===//
//
// The single entry point every front end calls: the CLI from its ASTConsumer,
// the clang-tidy plugin from its check. Same input, same findings.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_ENGINE_H
#define MPL_CORE_ENGINE_H

#include "core/Checks.h"
#include "core/Finding.h"
#include "core/Suppression.h"
#include <memory>
#include "rewriters/ApiLevel.h"
#include "clang/AST/ASTContext.h"

namespace mpl {

struct EngineOptions {
  ApiLevel Api;
  /// Appended to a converted callback's name, as upstream does.
  std::string Suffix = "_prepare";
  CheckFilter Checks;
  /// Extra "struct.field" mmap-style slots to report (--ops).
  std::vector<std::pair<std::string, std::string>> ExtraSlots;
  /// Findings to drop (besides NOLINT comments, always honoured).
  std::shared_ptr<const SuppressionList> Suppressions;
};

struct TranslationUnitResult {
  std::vector<Finding> Findings;
  /// The API level whose spelling was used (0: the headers predate 7.0).
  unsigned Level = 0;
  /// Findings dropped by NOLINT comments or the suppression list.
  unsigned Suppressed = 0;
};

TranslationUnitResult analyzeTranslationUnit(clang::ASTContext &Ctx,
                                             const EngineOptions &Options);

} // namespace mpl

#endif
