//===- Wire.cpp -----------------------------------------------------------===//
#include "driver/Wire.h"
#include "core/JsonFields.h"
#include "llvm/ADT/StringExtras.h"
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace mpl {
namespace {

json position(const Position &P) {
  return json::array({P.File, P.Line, P.Column});
}

bool position(const json &J, Position &P) {
  if (!J.is_array() || J.size() != 3 || !J[0].is_string() ||
      !J[1].is_number_unsigned() || !J[2].is_number_unsigned())
    return false;
  P.File = J[0].get<std::string>();
  P.Line = J[1].get<unsigned>();
  P.Column = J[2].get<unsigned>();
  return true;
}

json edits(const std::vector<Edit> &Edits) {
  json Out = json::array();
  for (const Edit &E : Edits)
    // Hex: an edit may carry any byte of the source, verbatim.
    Out.push_back(
        json::array({E.File, E.Offset, E.Length, llvm::toHex(E.Text)}));
  return Out;
}

bool edits(const json &J, std::vector<Edit> &Out) {
  if (J.is_null())
    return true;
  if (!J.is_array())
    return false;
  for (const json &E : J) {
    if (!E.is_array() || E.size() != 4 || !E[0].is_string() ||
        !E[1].is_number_unsigned() || !E[2].is_number_unsigned() ||
        !E[3].is_string())
      return false;
    Edit Ed;
    Ed.File = E[0].get<std::string>();
    Ed.Offset = E[1].get<unsigned>();
    Ed.Length = E[2].get<unsigned>();
    if (!llvm::tryGetFromHex(E[3].get<std::string>(), Ed.Text))
      return false;
    Out.push_back(std::move(Ed));
  }
  return true;
}

json notes(const std::vector<FindingNote> &Notes) {
  json Out = json::array();
  for (const FindingNote &N : Notes)
    Out.push_back({{"at", position(N.Where)}, {"message", N.Message}});
  return Out;
}

bool notes(const json &J, std::vector<FindingNote> &Out) {
  if (J.is_null())
    return true;
  if (!J.is_array())
    return false;
  for (const json &N : J) {
    FindingNote Note;
    if (!N.is_object() || !position(N.value("at", json()), Note.Where))
      return false;
    Note.Message = jsonString(N, "message");
    Out.push_back(std::move(Note));
  }
  return true;
}

bool classification(const json &J, std::optional<Classification> &C) {
  if (J.is_null())
    return true;
  if (!J.is_number_integer() || J.get<int>() < 0 || J.get<int>() > 2)
    return false;
  C = static_cast<Classification>(J.get<int>());
  return true;
}

json reasons(const std::vector<VerdictReason> &Reasons) {
  json Out = json::array();
  for (const VerdictReason &R : Reasons)
    Out.push_back({{"code", reasonId(R.Code)},
                   {"severity", static_cast<int>(R.Severity)},
                   {"at", position(R.Note.Where)},
                   {"message", R.Note.Message}});
  return Out;
}

bool reasons(const json &J, std::vector<VerdictReason> &Out) {
  if (J.is_null())
    return true;
  if (!J.is_array())
    return false;
  for (const json &R : J) {
    if (!R.is_object())
      return false;
    std::optional<ReasonCode> Code = parseReasonId(jsonString(R, "code"));
    std::optional<Classification> Severity;
    VerdictReason V{ReasonCode::CallbackElsewhere, Classification::Manual, {}};
    if (!Code || !classification(R.value("severity", json()), Severity) ||
        !Severity || !position(R.value("at", json()), V.Note.Where))
      return false;
    V.Code = *Code;
    V.Severity = *Severity;
    V.Note.Message = jsonString(R, "message");
    Out.push_back(std::move(V));
  }
  return true;
}

json verdict(const CallbackVerdict &V) {
  json J = {{"name", V.Name},          {"reasons", reasons(V.Reasons)},
            {"notes", notes(V.Notes)}, {"explanation", V.Explanation},
            {"changes", V.Changes},    {"edits", edits(V.Edits)},
            {"level", V.Level},        {"detected", V.LevelDetected}};
  if (V.Class)
    J["class"] = static_cast<int>(*V.Class);
  if (V.Definition)
    J["definition"] = position(*V.Definition);
  return J;
}

bool verdict(const json &J, CallbackVerdict &V) {
  if (!J.is_object())
    return false;
  V.Name = jsonString(J, "name");
  V.Explanation = jsonStrings(J, "explanation");
  V.Changes = jsonStrings(J, "changes");
  V.Level = J.value("level", 0u);
  V.LevelDetected = J.value("detected", false);
  if (auto It = J.find("definition"); It != J.end()) {
    Position P;
    if (!position(*It, P))
      return false;
    V.Definition = P;
  }
  return classification(J.value("class", json()), V.Class) &&
         reasons(J.value("reasons", json()), V.Reasons) &&
         notes(J.value("notes", json()), V.Notes) &&
         edits(J.value("edits", json()), V.Edits);
}

json crossUnit(const CrossUnitCallback &C) {
  json Sites = json::array();
  for (const HookSite &S : C.Sites)
    Sites.push_back({{"at", position(S.Where)},
                     {"slot", S.Slot},
                     {"file_operations", S.FileOperations},
                     {"headers_too_old", S.HeadersTooOld}});
  return {
      {"role", C.Role == CrossUnitCallback::Defines ? "defines" : "installs"},
      {"name", C.Name},
      {"sites", std::move(Sites)},
      {"site_findings", C.SiteFindings},
      {"site_reasons", reasons(C.SiteReasons)},
      {"site_silenced", C.SiteSilenced},
      {"edits", edits(C.Edits)},
      {"verdict", verdict(C.Verdict)},
      {"decl_files", C.DeclFiles}};
}

bool crossUnit(const json &J, CrossUnitCallback &C) {
  if (!J.is_object())
    return false;
  C.Role = jsonString(J, "role") == "defines" ? CrossUnitCallback::Defines
                                              : CrossUnitCallback::Installs;
  C.Name = jsonString(J, "name");
  C.SiteSilenced = J.value("site_silenced", false);
  C.DeclFiles = jsonStrings(J, "decl_files");
  if (auto It = J.find("sites"); It != J.end() && It->is_array())
    for (const json &S : *It) {
      HookSite Site;
      if (!S.is_object() || !position(S.value("at", json()), Site.Where))
        return false;
      Site.Slot = jsonString(S, "slot");
      Site.FileOperations = S.value("file_operations", true);
      Site.HeadersTooOld = S.value("headers_too_old", false);
      C.Sites.push_back(std::move(Site));
    }
  if (auto It = J.find("site_findings"); It != J.end() && It->is_array())
    for (const json &I : *It) {
      if (!I.is_number_unsigned())
        return false;
      C.SiteFindings.push_back(I.get<unsigned>());
    }
  return reasons(J.value("site_reasons", json()), C.SiteReasons) &&
         edits(J.value("edits", json()), C.Edits) &&
         verdict(J.value("verdict", json()), C.Verdict);
}

} // namespace

std::string encodeFacts(const std::map<std::string, UsedElsewhere> &Facts) {
  json Doc = json::object();
  for (const auto &[Name, F] : Facts) {
    json Installs = json::array();
    for (const Position &P : F.Installs)
      Installs.push_back(position(P));
    Doc[Name] = {{"installs", std::move(Installs)},
                 {"blockers", reasons(F.Blockers)},
                 {"site_silenced", F.SiteSilenced}};
  }
  return Doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeUnitResult(const UnitResult &U) {
  json Findings = json::array();
  for (const Finding &F : U.Findings) {
    json J = {{"check", F.Check},
              {"error", F.Level == Severity::Error},
              {"message", F.Message},
              {"at", position(F.Where)},
              {"notes", notes(F.Notes)},
              {"reasons", F.Reasons},
              {"fixable", F.Fixable},
              {"fix", edits(F.Fix)},
              {"callback", F.Callback},
              {"callback_file", F.CallbackFile},
              {"explanation", F.Explanation},
              {"changes", F.Changes},
              {"expansions", F.Expansions}};
    if (F.Class)
      J["class"] = static_cast<int>(*F.Class);
    Findings.push_back(std::move(J));
  }
  json Errors = json::array();
  for (const RunError &E : U.Errors)
    Errors.push_back(json::array({E.File, E.Message}));
  json CrossUnit = json::array();
  for (const CrossUnitCallback &C : U.CrossUnit)
    CrossUnit.push_back(crossUnit(C));
  json Doc = {{"findings", std::move(Findings)},
              {"cross_unit", std::move(CrossUnit)},
              {"errors", std::move(Errors)},
              {"compiler_errors", U.CompilerErrors},
              {"first_compiler_error", U.FirstCompilerError},
              {"driver_failed", U.DriverFailed},
              {"suppressed", U.Suppressed}};
  if (!U.Read.empty()) {
    json Read = json::array();
    for (const Dependency &D : U.Read)
      Read.push_back({D.Path, D.Digest});
    Doc["read"] = std::move(Read);
  }
  // Source text can hold any byte; replace what is not UTF-8 rather than
  // lose the result. Edits are produced from valid tokens.
  return Doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool decodeUnitResult(const std::string &Payload, UnitResult &U) {
  json Doc = json::parse(Payload, nullptr, /*allow_exceptions=*/false);
  if (!Doc.is_object())
    return false;
  auto Findings = Doc.find("findings");
  if (Findings == Doc.end() || !Findings->is_array())
    return false;
  for (const json &J : *Findings) {
    if (!J.is_object())
      return false;
    Finding F;
    F.Check = jsonString(J, "check");
    F.Level = J.value("error", false) ? Severity::Error : Severity::Warning;
    F.Message = jsonString(J, "message");
    if (!position(J.value("at", json()), F.Where))
      return false;
    if (!notes(J.value("notes", json()), F.Notes))
      return false;
    F.Reasons = jsonStrings(J, "reasons");
    F.Fixable = J.value("fixable", false);
    if (!edits(J.value("fix", json()), F.Fix))
      return false;
    F.Callback = jsonString(J, "callback");
    F.CallbackFile = jsonString(J, "callback_file");
    F.Explanation = jsonStrings(J, "explanation");
    F.Changes = jsonStrings(J, "changes");
    F.Expansions = J.value("expansions", 0u);
    if (!classification(J.value("class", json()), F.Class))
      return false;
    U.Findings.push_back(std::move(F));
  }
  if (auto It = Doc.find("cross_unit"); It != Doc.end() && It->is_array())
    for (const json &J : *It) {
      CrossUnitCallback C;
      if (!crossUnit(J, C))
        return false;
      U.CrossUnit.push_back(std::move(C));
    }
  if (auto It = Doc.find("errors"); It != Doc.end() && It->is_array())
    for (const json &E : *It)
      if (E.is_array() && E.size() == 2 && E[0].is_string() && E[1].is_string())
        U.Errors.push_back({E[0].get<std::string>(), E[1].get<std::string>()});
  U.CompilerErrors = Doc.value("compiler_errors", 0u);
  U.FirstCompilerError = jsonString(Doc, "first_compiler_error");
  U.DriverFailed = Doc.value("driver_failed", false);
  U.Suppressed = Doc.value("suppressed", 0u);
  if (auto It = Doc.find("read"); It != Doc.end() && It->is_array())
    for (const json &D : *It)
      if (D.is_array() && D.size() == 2 && D[0].is_string() && D[1].is_string())
        U.Read.push_back({D[0].get<std::string>(), D[1].get<std::string>()});
  return true;
}

} // namespace mpl
