//===- CallbackVerdict.h - a legacy callback's class, across units -*- C++
//-*-=//
//
// What the engine decided about one legacy mmap callback, in resolved
// positions, so that it outlives the AST and crosses processes: a table in
// one translation unit can install a callback defined in another (cifsfs.c
// installs cifs_file_mmap from file.c), and the tree runner then joins the
// verdict of the defining unit with the sites of the installing ones. The
// legacy-hook findings of every site are composed from it by one function,
// in the engine and in the runner alike.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_CORE_CALLBACKVERDICT_H
#define MPL_CORE_CALLBACKVERDICT_H

#include "core/Finding.h"
#include <optional>
#include <string>
#include <vector>

namespace mpl {

/// One reason, resolved: the code, the class it gives and its note.
struct VerdictReason {
  ReasonCode Code;
  Classification Severity = Classification::Manual;
  FindingNote Note; // message without the "[code]" suffix
};

struct CallbackVerdict {
  std::string Name;
  /// Empty when the definition was not analysed (callback-elsewhere).
  std::optional<Classification> Class;
  std::vector<VerdictReason> Reasons;
  /// Notes that do not change the class.
  std::vector<FindingNote> Notes;
  /// What the conversion changes in behaviour, for a patch's changelog
  /// (the notes the analysis made about it).
  std::vector<std::string> Changes;
  std::optional<Position> Definition;
  /// --explain lines, after the headline.
  std::vector<std::string> Explanation;
  /// The conversion (empty when not convertible or not computed).
  std::vector<Edit> Edits;
  /// API level of the spelling, for the headline of --explain (0: none).
  unsigned Level = 0;
  bool LevelDetected = false;

  void addReason(ReasonCode Code, Position Where, std::string Message);
  void addReason(ReasonCode Code, Classification Severity, Position Where,
                 std::string Message);
  /// The class from the reasons (convertible when there is none); stays
  /// empty for a callback that was not analysed.
  void reclassify();
};

/// An ops-table slot that installs a callback.
struct HookSite {
  Position Where;
  /// "file_operations.mmap", "fb_ops.fb_mmap", ...
  std::string Slot;
  bool FileOperations = true;
  /// The unit's headers predate the mmap_prepare helpers.
  bool HeadersTooOld = false;
};

/// The legacy-hook finding of one site: headline, class, reasons and notes
/// from \p V. The fix is not attached here.
Finding legacyHookFinding(const HookSite &Site, const CallbackVerdict &V);

} // namespace mpl

#endif
