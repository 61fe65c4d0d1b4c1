//===- Engine.h - analyse one translation unit ------------------*- C++ -*-===//
//
// The single entry point every front end calls: the CLI from its ASTConsumer,
// the clang-tidy plugin from its check. Same input, same findings.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_ENGINE_H
#define MPL_CORE_ENGINE_H

#include "core/CallbackVerdict.h"
#include "core/Checks.h"
#include "core/Finding.h"
#include "core/Suppression.h"
#include "rewriters/ApiLevel.h"
#include "clang/AST/ASTContext.h"
#include <map>
#include <memory>

namespace mpl {

/// What the tree runner learnt in other translation units about a callback
/// defined in this one (its second pass over the defining unit).
struct UsedElsewhere {
  /// Ops-table sites in other units: converted with the definition.
  std::vector<Position> Installs;
  /// What stops the conversion there (a positional table, a file that names
  /// the callback and was not analysed, a unit that does not compile, ...).
  std::vector<VerdictReason> Blockers;
  /// A site there is silenced (NOLINT, suppression list): it keeps `.mmap`,
  /// so the callback cannot be renamed.
  bool SiteSilenced = false;
};

struct EngineOptions {
  ApiLevel Api;
  /// Appended to a converted callback's name, as upstream does.
  std::string Suffix = "_prepare";
  CheckFilter Checks;
  /// Extra "struct.field" mmap-style slots to report (--ops).
  std::vector<std::pair<std::string, std::string>> ExtraSlots;
  /// Findings to drop (besides NOLINT comments, always honoured).
  std::shared_ptr<const SuppressionList> Suppressions;
  /// The file they were read from (part of engineOptionsKey()).
  std::string SuppressionsFile;
  /// Callbacks defined in this unit and installed by other units, by name.
  /// Empty for front ends that see one unit (the clang-tidy plugin).
  std::map<std::string, UsedElsewhere> DefinedHere;
};

/// A callback whose conversion spans translation units.
struct CrossUnitCallback {
  enum RoleKind {
    /// This unit's tables install it; the definition is elsewhere.
    Installs,
    /// This unit defines it, with a declaration or export other units see.
    Defines,
  };
  RoleKind Role = Installs;
  std::string Name;
  /// This unit's sites, and, for each, the index of its legacy-hook finding
  /// in TranslationUnitResult::Findings (NoFinding when NOLINT or the
  /// suppression list dropped it).
  std::vector<HookSite> Sites;
  std::vector<unsigned> SiteFindings;
  static constexpr unsigned NoFinding = ~0u;
  /// Installs: what stops the conversion at these sites.
  std::vector<VerdictReason> SiteReasons;
  bool SiteSilenced = false;
  /// Installs: the renamed slots, references and prototypes.
  std::vector<Edit> Edits;
  /// Defines, with EngineOptions::DefinedHere: the definition's verdict,
  /// the other units' facts included (no Definition: not defined here);
  /// its Edits are the whole conversion.
  CallbackVerdict Verdict;
  /// Files of the declarations this unit sees (the rename covers them).
  std::vector<std::string> DeclFiles;
};

struct TranslationUnitResult {
  std::vector<Finding> Findings;
  /// The API level whose spelling was used (0: the headers predate 7.0).
  unsigned Level = 0;
  /// Findings dropped by NOLINT comments or the suppression list.
  unsigned Suppressed = 0;
  std::vector<CrossUnitCallback> CrossUnit;
};

TranslationUnitResult analyzeTranslationUnit(clang::ASTContext &Ctx,
                                             const EngineOptions &Options);

} // namespace mpl

#endif
