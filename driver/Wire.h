//===- Wire.h - a translation unit's result across a pipe -------*- C++ -*-===//
//
// SourceLocations do not cross processes: a worker sends resolved positions
// (file, line, column) and edits (file, offset, length, text) only.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_WIRE_H
#define MPL_DRIVER_WIRE_H

#include "core/Engine.h"
#include "core/Report.h"
#include "driver/ResultCache.h"
#include <string>
#include <vector>

namespace mpl {

/// What one worker learnt about one translation unit.
struct UnitResult {
  std::vector<Finding> Findings;
  std::vector<RunError> Errors;
  /// Compiler errors: findings may be incomplete, no fixes from this unit.
  unsigned CompilerErrors = 0;
  std::string FirstCompilerError;
  /// The compiler could not run at all (bad command line).
  bool DriverFailed = false;
  /// Findings the engine dropped (NOLINT, suppression list).
  unsigned Suppressed = 0;
  /// Callbacks whose conversion spans units (Engine.h).
  std::vector<CrossUnitCallback> CrossUnit;
  /// Every file the compiler read, with the digest of the bytes it parsed
  /// (for the result cache; not part of the result itself).
  std::vector<Dependency> Read;
};

std::string encodeUnitResult(const UnitResult &U);
/// The other units' facts a defining unit's second pass runs with, as text
/// (what its cached result is also keyed by).
std::string encodeFacts(const std::map<std::string, UsedElsewhere> &Facts);
/// False when \p Payload is not a well-formed result.
bool decodeUnitResult(const std::string &Payload, UnitResult &U);

} // namespace mpl

#endif
