//===- Baseline.cpp - fingerprints, source lines, baseline files ----------===//
#include "core/Formats.h"
#include "llvm/Support/MD5.h"
#include <nlohmann/json.hpp>

namespace mpl {

const SourceLines::Text *SourceLines::get(const std::string &File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second.Buffer ? &It->second : nullptr;
  Text &T = Files[File];
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return nullptr;
  T.Buffer = std::move(*Buffer);
  llvm::StringRef S = T.Buffer->getBuffer();
  T.LineStarts.push_back(0);
  for (size_t I = 0; I < S.size(); ++I)
    if (S[I] == '\n')
      T.LineStarts.push_back(I + 1);
  return &T;
}

llvm::StringRef SourceLines::line(const std::string &File, unsigned Line) {
  const Text *T = get(File);
  if (!T || Line == 0 || Line > T->LineStarts.size())
    return "";
  llvm::StringRef S = T->Buffer->getBuffer();
  size_t Begin = T->LineStarts[Line - 1];
  size_t End = S.find('\n', Begin);
  return S.slice(Begin, End == llvm::StringRef::npos ? S.size() : End)
      .rtrim("\r");
}

std::string SourceLines::normalizedLine(const std::string &File,
                                        unsigned Line) {
  std::string Out;
  bool Space = false;
  for (char C : line(File, Line)) {
    if (C == ' ' || C == '\t' || C == '\r' || C == '\v' || C == '\f') {
      Space = true;
      continue;
    }
    if (Space && !Out.empty())
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

unsigned SourceLines::offset(const std::string &File, unsigned Line,
                             unsigned Column) {
  const Text *T = get(File);
  if (!T || Line == 0 || Line > T->LineStarts.size())
    return 0;
  unsigned Off = T->LineStarts[Line - 1] + (Column ? Column - 1 : 0);
  return std::min<unsigned>(Off, T->Buffer->getBufferSize());
}

std::vector<std::string> findingFingerprints(const Report &R,
                                             llvm::StringRef BaseDir,
                                             SourceLines &Lines) {
  std::vector<std::string> Out;
  std::map<std::string, unsigned> Occurrences;
  for (const Finding &F : R.Findings) {
    std::string Key = F.Check + "\n" + displayPath(F.Where.File, BaseDir) +
                      "\n" + F.Callback + "\n" +
                      Lines.normalizedLine(F.Where.File, F.Where.Line);
    unsigned N = Occurrences[Key]++;
    Key += "\n" + std::to_string(N);
    llvm::MD5 Hash;
    Hash.update(Key);
    llvm::MD5::MD5Result Result;
    Hash.final(Result);
    Out.push_back(std::string(Result.digest().str()));
  }
  return Out;
}

std::string baselineFile(const Report &R,
                         const std::vector<std::string> &Fingerprints,
                         llvm::StringRef BaseDir) {
  using nlohmann::json;
  json Entries = json::array();
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const Finding &F = R.Findings[I];
    Entries.push_back({{"fingerprint", Fingerprints[I]},
                       {"check", F.Check},
                       {"file", displayPath(F.Where.File, BaseDir)},
                       {"line", F.Where.Line},
                       {"callback", F.Callback},
                       {"message", F.Message}});
  }
  json Doc = {{"tool", "mmap-prepare-lint"},
              {"baseline_version", 1},
              {"note", "findings accepted as they are; matched by fingerprint "
                       "(check, file, callback, normalized line text), not "
                       "by line number"},
              {"findings", std::move(Entries)}};
  return Doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

bool readBaseline(llvm::StringRef Path, std::multiset<std::string> &Out,
                  std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = "cannot read the baseline: " + Buffer.getError().message();
    return false;
  }
  using nlohmann::json;
  json Doc = json::parse((*Buffer)->getBuffer(), nullptr, false);
  if (!Doc.is_object() || !Doc.contains("findings") ||
      !Doc["findings"].is_array()) {
    Error = "not a mmap-prepare-lint baseline file (expected a JSON object "
            "with a \"findings\" array)";
    return false;
  }
  for (const json &E : Doc["findings"]) {
    if (!E.is_object() || !E.contains("fingerprint") ||
        !E["fingerprint"].is_string()) {
      Error = "a baseline entry has no \"fingerprint\"";
      return false;
    }
    Out.insert(E["fingerprint"].get<std::string>());
  }
  return true;
}

} // namespace mpl
