//===- Wire.cpp -----------------------------------------------------------===//
#include "tool/cli/Wire.h"
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

std::string str(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_string() ? It->get<std::string>() : "";
}

std::vector<std::string> strings(const json &J, const char *Key) {
  std::vector<std::string> Out;
  auto It = J.find(Key);
  if (It == J.end() || !It->is_array())
    return Out;
  for (const json &S : *It)
    if (S.is_string())
      Out.push_back(S.get<std::string>());
  return Out;
}

} // namespace

std::string encodeUnitResult(const UnitResult &U) {
  json Findings = json::array();
  for (const Finding &F : U.Findings) {
    json Notes = json::array();
    for (const FindingNote &N : F.Notes)
      Notes.push_back({{"at", position(N.Where)}, {"message", N.Message}});
    json Fix = json::array();
    for (const Edit &E : F.Fix)
      // Hex: an edit may carry any byte of the source, verbatim.
      Fix.push_back(json::array({E.File, E.Offset, E.Length, llvm::toHex(E.Text)}));
    json J = {{"check", F.Check},
              {"error", F.Level == Severity::Error},
              {"message", F.Message},
              {"at", position(F.Where)},
              {"notes", std::move(Notes)},
              {"reasons", F.Reasons},
              {"fixable", F.Fixable},
              {"fix", std::move(Fix)},
              {"callback", F.Callback},
              {"explanation", F.Explanation},
              {"expansions", F.Expansions}};
    if (F.Class)
      J["class"] = static_cast<int>(*F.Class);
    Findings.push_back(std::move(J));
  }
  json Errors = json::array();
  for (const RunError &E : U.Errors)
    Errors.push_back(json::array({E.File, E.Message}));
  json Doc = {{"findings", std::move(Findings)},
              {"errors", std::move(Errors)},
              {"compiler_errors", U.CompilerErrors},
              {"first_compiler_error", U.FirstCompilerError},
              {"driver_failed", U.DriverFailed},
              {"skipped", U.Skipped},
              {"suppressed", U.Suppressed}};
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
    F.Check = str(J, "check");
    F.Level = J.value("error", false) ? Severity::Error : Severity::Warning;
    F.Message = str(J, "message");
    if (!position(J.value("at", json()), F.Where))
      return false;
    if (auto It = J.find("notes"); It != J.end() && It->is_array())
      for (const json &N : *It) {
        FindingNote Note;
        if (!N.is_object() || !position(N.value("at", json()), Note.Where))
          return false;
        Note.Message = str(N, "message");
        F.Notes.push_back(std::move(Note));
      }
    F.Reasons = strings(J, "reasons");
    F.Fixable = J.value("fixable", false);
    if (auto It = J.find("fix"); It != J.end() && It->is_array())
      for (const json &E : *It) {
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
        F.Fix.push_back(std::move(Ed));
      }
    F.Callback = str(J, "callback");
    F.Explanation = strings(J, "explanation");
    F.Expansions = J.value("expansions", 0u);
    if (auto It = J.find("class"); It != J.end() && It->is_number_integer()) {
      int C = It->get<int>();
      if (C < 0 || C > 2)
        return false;
      F.Class = static_cast<Classification>(C);
    }
    U.Findings.push_back(std::move(F));
  }
  if (auto It = Doc.find("errors"); It != Doc.end() && It->is_array())
    for (const json &E : *It)
      if (E.is_array() && E.size() == 2 && E[0].is_string() &&
          E[1].is_string())
        U.Errors.push_back({E[0].get<std::string>(), E[1].get<std::string>()});
  U.CompilerErrors = Doc.value("compiler_errors", 0u);
  U.FirstCompilerError = str(Doc, "first_compiler_error");
  U.DriverFailed = Doc.value("driver_failed", false);
  U.Skipped = Doc.value("skipped", false);
  U.Suppressed = Doc.value("suppressed", 0u);
  return true;
}

} // namespace mpl
