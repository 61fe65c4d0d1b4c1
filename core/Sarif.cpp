//===- Sarif.cpp - SARIF 2.1.0 -------------------------------------------===//
#include "core/Checks.h"
#include "core/Formats.h"
#include "llvm/Support/Path.h"
#include <nlohmann/json.hpp>

// Keys in the order the SARIF specification lists them, for people.
using json = nlohmann::ordered_json;

namespace mpl {
namespace {

/// "mmap-prepare-legacy-hook" -> "MmapPrepareLegacyHook".
std::string ruleName(llvm::StringRef Id) {
  std::string Out;
  bool Up = true;
  for (char C : Id) {
    if (C == '-') {
      Up = true;
      continue;
    }
    Out +=
        Up ? static_cast<char>(std::toupper(static_cast<unsigned char>(C))) : C;
    Up = false;
  }
  return Out;
}

/// Percent-encodes what may not appear in a URI path.
std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (std::isalnum(C) || llvm::StringRef("/-._~").contains(C))
      Out += static_cast<char>(C);
    else {
      char Buf[4];
      snprintf(Buf, sizeof Buf, "%%%02X", C);
      Out += Buf;
    }
  }
  return Out;
}

json artifact(const std::string &File, llvm::StringRef BaseDir) {
  std::string Shown = displayPath(File, BaseDir);
  if (llvm::sys::path::is_absolute(Shown))
    return {{"uri", "file://" + uriPath(Shown)}};
  return {{"uri", uriPath(Shown)}, {"uriBaseId", "%SRCROOT%"}};
}

json region(const Position &P) {
  json R = json::object();
  if (P.Line)
    R["startLine"] = P.Line;
  if (P.Column)
    R["startColumn"] = P.Column;
  return R;
}

} // namespace

std::string sarifReport(const Report &R, const SarifOptions &Opts,
                        SourceLines &Lines) {
  json Rules = json::array();
  std::map<std::string, unsigned> RuleIndex;
  for (const CheckInfo &C : allChecks()) {
    RuleIndex[C.Id] = Rules.size();
    std::string Help = std::string(C.Summary) + ". See docs/checks/" + C.Id +
                       ".md for what the check reports, the classification "
                       "and reason codes, and the rewrite it applies.";
    json Rule = {
        {"id", C.Id},
        {"name", ruleName(C.Id)},
        {"shortDescription", {{"text", C.Summary}}},
        {"fullDescription", {{"text", C.Summary}}},
        {"help", {{"text", Help}, {"markdown", Help}}},
        {"defaultConfiguration", {{"level", "warning"}}},
        {"properties",
         {{"tags", json::array({"maintainability", "linux-kernel", "mmap"})},
          {"precision", "high"}}}};
    if (!Opts.HelpUriBase.empty())
      Rule["helpUri"] = Opts.HelpUriBase + C.Id + ".md";
    Rules.push_back(std::move(Rule));
  }

  std::vector<std::string> Fingerprints =
      findingFingerprints(R, Opts.BaseDir, Lines);
  json Results = json::array();
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const Finding &F = R.Findings[I];
    json Result = {
        {"ruleId", F.Check},
        {"level", F.Level == Severity::Error ? "error" : "warning"},
        {"message", {{"text", F.Message}}},
        {"locations",
         json::array(
             {{{"physicalLocation",
                {{"artifactLocation", artifact(F.Where.File, Opts.BaseDir)},
                 {"region", region(F.Where)}}}}})},
        {"partialFingerprints", {{"mmapPrepareLint/v1", Fingerprints[I]}}}};
    if (auto It = RuleIndex.find(F.Check); It != RuleIndex.end())
      Result["ruleIndex"] = It->second;
    if (!F.Notes.empty()) {
      json Related = json::array();
      unsigned Id = 1;
      for (const FindingNote &N : F.Notes)
        Related.push_back(
            {{"id", Id++},
             {"message", {{"text", N.Message}}},
             {"physicalLocation",
              {{"artifactLocation", artifact(N.Where.File, Opts.BaseDir)},
               {"region", region(N.Where)}}}});
      Result["relatedLocations"] = std::move(Related);
    }
    json Props = {{"fixable", F.Fixable}};
    if (F.Class)
      Props["classification"] = classificationName(*F.Class);
    if (!F.Reasons.empty())
      Props["reasons"] = F.Reasons;
    if (!F.Callback.empty())
      Props["callback"] = F.Callback;
    Result["properties"] = std::move(Props);
    if (Opts.Baselined)
      Result["baselineState"] = "new";
    if (!F.Fix.empty()) {
      std::map<std::string, json> ByFile;
      for (const Edit &E : F.Fix)
        ByFile[E.File].push_back(
            {{"deletedRegion",
              {{"charOffset", E.Offset}, {"charLength", E.Length}}},
             {"insertedContent", {{"text", E.Text}}}});
      json Changes = json::array();
      for (auto &[File, Replacements] : ByFile)
        Changes.push_back({{"artifactLocation", artifact(File, Opts.BaseDir)},
                           {"replacements", std::move(Replacements)}});
      Result["fixes"] = json::array(
          {{{"description",
             {{"text", "convert '" + F.Callback + "' to mmap_prepare"}}},
            {"artifactChanges", std::move(Changes)}}});
    }
    Results.push_back(std::move(Result));
  }

  json Notifications = json::array();
  for (const RunError &E : R.Errors)
    Notifications.push_back(
        {{"level", "error"},
         {"message", {{"text", E.Message}}},
         {"locations", json::array({{{"physicalLocation",
                                      {{"artifactLocation",
                                        artifact(E.File, Opts.BaseDir)}}}}})}});
  for (const RunError &E : R.NotAnalysed)
    Notifications.push_back(
        {{"level", "warning"},
         {"message", {{"text", "not analysed: " + E.Message}}},
         {"locations", json::array({{{"physicalLocation",
                                      {{"artifactLocation",
                                        artifact(E.File, Opts.BaseDir)}}}}})}});

  std::string Root = Opts.BaseDir.str();
  if (Root.empty() || Root.back() != '/')
    Root += '/';
  json Run = {
      {"tool",
       {{"driver",
         {{"name", "mmap-prepare-lint"},
          {"version", Opts.ToolVersion},
          {"semanticVersion", Opts.ToolVersion},
          {"informationUri", Opts.InformationUri},
          {"rules", std::move(Rules)}}}}},
      {"invocations", json::array({{{"executionSuccessful", R.Errors.empty()},
                                    {"toolExecutionNotifications",
                                     std::move(Notifications)}}})},
      {"originalUriBaseIds",
       {{"%SRCROOT%", {{"uri", "file://" + uriPath(Root)}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(Results)}};
  json Doc = {{"version", "2.1.0"},
              {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"runs", json::array({std::move(Run)})}};
  return Doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace mpl
