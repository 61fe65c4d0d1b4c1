//===- CallbackVerdict.cpp ------------------------------------------------===//
#include "core/CallbackVerdict.h"
#include "rewriters/ApiLevel.h"
#include <algorithm>

namespace mpl {
namespace {

const char *headline(const std::optional<Classification> &C) {
  if (!C)
    return "was not analysed: its definition is in another file";
  switch (*C) {
  case Classification::Convertible:
    return "can be converted to mmap_prepare automatically";
  case Classification::Manual:
    return "needs manual steps to move to mmap_prepare";
  case Classification::Blocked:
    return "cannot move to mmap_prepare yet";
  }
  return "";
}

std::vector<std::string> explanation(const CallbackVerdict &V,
                                     const HookSite &Site) {
  std::vector<std::string> Lines;
  std::string Level = V.Level ? ApiLevel{V.Level}.str()
                              : std::string("none: headers predate 7.0");
  Lines.push_back("callback '" + V.Name + "': " +
                  (V.Class ? classificationName(*V.Class) : "not analysed") +
                  " (API level " + Level +
                  (V.LevelDetected ? ", detected from the headers" : "") + ")");
  for (const std::string &L : V.Explanation)
    Lines.push_back("  " + L);
  const std::string &Home = V.Definition ? V.Definition->File : Site.Where.File;
  for (const VerdictReason &R : V.Reasons)
    Lines.push_back("  " +
                    (R.Note.Where.File == Home ? std::string("line ")
                                               : R.Note.Where.File + ":") +
                    std::to_string(R.Note.Where.Line) + ": " +
                    classificationName(R.Severity) + " [" + reasonId(R.Code) +
                    "] " + R.Note.Message);
  if (V.Reasons.empty())
    Lines.push_back("  nothing needs the VMA after setup");
  return Lines;
}

} // namespace

void CallbackVerdict::addReason(ReasonCode Code, Position Where,
                                std::string Message) {
  addReason(Code, reasonInfo(Code).Severity, std::move(Where),
            std::move(Message));
}

void CallbackVerdict::addReason(ReasonCode Code, Classification Severity,
                                Position Where, std::string Message) {
  Reasons.push_back({Code, Severity, {std::move(Where), std::move(Message)}});
}

void CallbackVerdict::reclassify() {
  if (!Class)
    return;
  Classification C = Classification::Convertible;
  for (const VerdictReason &R : Reasons)
    C = std::max(C, R.Severity);
  Class = C;
}

Finding legacyHookFinding(const HookSite &Site, const CallbackVerdict &V) {
  Finding F;
  F.Check = check::LegacyHook;
  F.Where = Site.Where;
  F.Callback = V.Name;
  F.Class = V.Class;
  F.Message =
      "'" + Site.Slot +
      (Site.FileOperations ? "' is deprecated; "
                           : "' is an mmap-style hook that takes the "
                             "vma; ") +
      (V.Name.empty() ? std::string("this callback") : "'" + V.Name + "'") +
      " " +
      // No fix is offered for headers without the helpers: do not
      // promise one.
      (Site.HeadersTooOld && V.Class == Classification::Convertible
           ? "can be converted to mmap_prepare for kernels with its "
             "helpers (7.0+), not for these headers"
           : headline(V.Class));
  if (V.Definition) {
    F.CallbackFile = V.Definition->File;
    F.Notes.push_back({*V.Definition, "'" + V.Name + "' is defined here"});
  }
  for (const VerdictReason &R : V.Reasons) {
    F.Reasons.push_back(reasonId(R.Code));
    F.Notes.push_back(
        {R.Note.Where, R.Note.Message + " [" + reasonId(R.Code) + "]"});
  }
  for (const FindingNote &N : V.Notes)
    F.Notes.push_back(N);
  if (Site.HeadersTooOld)
    F.Notes.push_back(
        {Site.Where,
         "this tree's headers predate the mmap_prepare helpers (7.0+); "
         "pass --api=7.x to write the conversion for a newer kernel"});
  F.Fixable = !V.Edits.empty();
  if (F.Fixable)
    F.Changes = V.Changes;
  F.Explanation = explanation(V, Site);
  return F;
}

} // namespace mpl
