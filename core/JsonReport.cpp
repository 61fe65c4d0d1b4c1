//===- JsonReport.cpp -----------------------------------------------------===//
#include "core/Report.h"
#include <nlohmann/json.hpp>

namespace mpl {

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

} // namespace mpl
