//===- EngineOptionSpec.h - the engine's options, declared once -*- C++ -*-===//
//
// Every option that changes what the engine finds or writes, as each front
// end spells it: the command line (`--api=7.1`, also in kbuild mode, which
// uses the same parser) and clang-tidy's CheckOptions (`Api: '7.1'`). The
// front ends build their options from this table and parse values with its
// functions, so a new option or a new accepted value reaches all of them.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_ENGINEOPTIONSPEC_H
#define MPL_CORE_ENGINEOPTIONSPEC_H

#include "core/Engine.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace mpl {

struct EngineOptionSpec {
  /// `--<Flag>` on the command line.
  llvm::StringRef Flag;
  /// The CheckOptions key (local to a check, or global).
  llvm::StringRef TidyKey;
  llvm::StringRef ValueName;
  llvm::StringRef Help;
  llvm::StringRef Default;
  /// A comma-separated list; on the command line the option may repeat.
  bool List = false;
  /// What the engine uses instead of an invalid value ("using 'auto'").
  llvm::StringRef IfInvalid;
  /// Applies \p Value to \p Opts. Returns one message per invalid part (the
  /// valid parts of a list are applied); empty when all of it is valid.
  std::vector<std::string> (*Apply)(llvm::StringRef Value, EngineOptions &Opts);
};

llvm::ArrayRef<EngineOptionSpec> engineOptionSpecs();

/// A key of the values that change the engine's output, for caches of
/// results (the clang-tidy module shares one engine run per unit and key).
std::string engineOptionsKey(const EngineOptions &Opts);

} // namespace mpl

#endif
