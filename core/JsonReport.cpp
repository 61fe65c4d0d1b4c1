//===- JsonReport.cpp -----------------------------------------------------===//
#include "core/JsonFields.h"
#include "core/Report.h"
#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

namespace mpl {

bool reportOrder(const Finding &A, const Finding &B) {
  return std::tie(A.Where.File, A.Where.Line, A.Where.Column, A.Check,
                  A.Message) < std::tie(B.Where.File, B.Where.Line,
                                        B.Where.Column, B.Check, B.Message);
}

void sortInReportOrder(std::vector<Finding> &Findings) {
  // Indices break ties: equal findings keep their order (a stable sort
  // without std::stable_sort's buffer, deprecated in libstdc++ 12).
  std::vector<size_t> Order(Findings.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    if (reportOrder(Findings[A], Findings[B]))
      return true;
    return !reportOrder(Findings[B], Findings[A]) && A < B;
  });
  std::vector<Finding> Sorted;
  Sorted.reserve(Findings.size());
  for (size_t I : Order)
    Sorted.push_back(std::move(Findings[I]));
  Findings = std::move(Sorted);
}

std::string jsonReport(const Report &R, bool Explain, llvm::StringRef BaseDir) {
  using nlohmann::json;
  json Findings = json::array();
  for (const Finding &F : R.Findings) {
    json J = {{"check", F.Check},
              {"file", displayPath(F.Where.File, BaseDir)},
              {"line", F.Where.Line},
              {"column", F.Where.Column},
              {"severity", F.Level == Severity::Error ? "error" : "warning"},
              {"message", F.Message},
              {"reasons", F.Reasons},
              {"fixable", F.Fixable}};
    if (F.Class)
      J["classification"] = classificationName(*F.Class);
    if (!F.Callback.empty())
      J["callback"] = F.Callback;
    if (F.Expansions)
      J["expansions"] = F.Expansions;
    json Notes = json::array();
    for (const FindingNote &N : F.Notes)
      Notes.push_back({{"file", displayPath(N.Where.File, BaseDir)},
                       {"line", N.Where.Line},
                       {"column", N.Where.Column},
                       {"message", N.Message}});
    J["notes"] = std::move(Notes);
    if (Explain)
      J["explanation"] = F.Explanation;
    Findings.push_back(std::move(J));
  }
  json Errors = json::array();
  for (const RunError &E : R.Errors)
    Errors.push_back(
        {{"file", displayPath(E.File, BaseDir)}, {"message", E.Message}});
  json NotAnalysed = json::array();
  for (const RunError &E : R.NotAnalysed)
    NotAnalysed.push_back(
        {{"file", displayPath(E.File, BaseDir)}, {"message", E.Message}});
  Summary S = summarize(R);
  json Doc = {{"version", JsonSchemaVersion},
              {"tool", "mmap-prepare-lint"},
              {"findings", std::move(Findings)},
              {"errors", std::move(Errors)},
              {"not_analysed", std::move(NotAnalysed)},
              {"summary",
               {{"findings", R.Findings.size()},
                {"fixable", S.Fixable},
                {"translation_units", R.TranslationUnits},
                {"errors", R.Errors.size()},
                {"suppressed", R.Suppressed},
                {"skipped_by_prefilter", R.Skipped},
                {"non_c_skipped", R.NotC},
                {"not_analysed", R.NotAnalysed.size()},
                {"by_check", S.ByCheck},
                {"by_classification", S.ByClassification}}}};
  // Messages quote source text; never throw on odd bytes in it.
  return Doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

using nlohmann::json;

unsigned count(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_number_unsigned() ? It->get<unsigned>() : 0;
}

Position position(const json &J) {
  Position P;
  P.File = jsonString(J, "file");
  P.Line = count(J, "line");
  P.Column = count(J, "column");
  return P;
}

std::vector<RunError> runErrors(const json &J) {
  std::vector<RunError> Out;
  if (J.is_array())
    for (const json &E : J)
      Out.push_back({jsonString(E, "file"), jsonString(E, "message")});
  return Out;
}

Finding finding(const json &J) {
  Finding F;
  F.Check = jsonString(J, "check");
  F.Level = jsonString(J, "severity") == "error" ? Severity::Error
                                                 : Severity::Warning;
  F.Message = jsonString(J, "message");
  F.Where = position(J);
  F.Reasons = jsonStrings(J, "reasons");
  F.Fixable = J.value("fixable", false);
  for (Classification C : {Classification::Convertible, Classification::Manual,
                           Classification::Blocked})
    if (jsonString(J, "classification") == classificationName(C))
      F.Class = C;
  F.Callback = jsonString(J, "callback");
  F.Expansions = count(J, "expansions");
  F.Explanation = jsonStrings(J, "explanation");
  if (auto It = J.find("notes"); It != J.end() && It->is_array())
    for (const json &N : *It)
      F.Notes.push_back({position(N), jsonString(N, "message")});
  return F;
}

} // namespace

bool readJsonReport(llvm::StringRef Text, Report &R, std::string &Error) {
  json Doc = json::parse(Text.begin(), Text.end(), nullptr,
                         /*allow_exceptions=*/false);
  if (!Doc.is_object() || jsonString(Doc, "tool") != "mmap-prepare-lint" ||
      !Doc.contains("findings") || !Doc["findings"].is_array()) {
    Error = "not a mmap-prepare-lint --format=json report";
    return false;
  }
  if (Doc.value("version", 0) != JsonSchemaVersion) {
    Error = "JSON report version " + std::to_string(Doc.value("version", 0)) +
            ", this tool reads version " + std::to_string(JsonSchemaVersion);
    return false;
  }
  for (const json &J : Doc["findings"])
    R.Findings.push_back(finding(J));
  for (RunError &E : runErrors(Doc.value("errors", json())))
    R.Errors.push_back(std::move(E));
  for (RunError &E : runErrors(Doc.value("not_analysed", json())))
    R.NotAnalysed.push_back(std::move(E));
  const json Summary = Doc.value("summary", json::object());
  R.TranslationUnits += count(Summary, "translation_units");
  R.Skipped += count(Summary, "skipped_by_prefilter");
  R.NotC += count(Summary, "non_c_skipped");
  R.Suppressed += count(Summary, "suppressed");
  return true;
}

} // namespace mpl
