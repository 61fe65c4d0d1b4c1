//===- EditApplier.cpp ----------------------------------------------------===//
#include "core/EditApplier.h"
#include <algorithm>

namespace mpl {

std::map<std::string, std::vector<Edit>>
groupEditsByFile(const std::vector<Edit> &Edits) {
  std::map<std::string, std::vector<Edit>> ByFile;
  for (const Edit &E : Edits)
    ByFile[E.File].push_back(E);
  for (auto &[File, List] : ByFile) {
    std::sort(List.begin(), List.end());
    List.erase(std::unique(List.begin(), List.end()), List.end());
  }
  return ByFile;
}

ApplyResult applyEdits(llvm::StringRef Original, std::vector<Edit> Edits) {
  std::sort(Edits.begin(), Edits.end());
  Edits.erase(std::unique(Edits.begin(), Edits.end()), Edits.end());
  ApplyResult R;
  size_t Cursor = 0;
  for (size_t I = 0; I < Edits.size(); ++I) {
    const Edit &E = Edits[I];
    if (E.Offset + E.Length > Original.size()) {
      R.Error = "an edit falls outside the file (it changed since analysis?)";
      return R;
    }
    // Two insertions at one point, or any overlap, would be ambiguous.
    if (E.Offset < Cursor || (I > 0 && E.Offset == Edits[I - 1].Offset &&
                              (E.Length == 0 || Edits[I - 1].Length == 0))) {
      R.Error = "conflicting edits at offset " + std::to_string(E.Offset);
      R.Text.clear();
      return R;
    }
    R.Text += Original.substr(Cursor, E.Offset - Cursor);
    R.Text += E.Text;
    Cursor = E.Offset + E.Length;
  }
  R.Text += Original.substr(Cursor);
  return R;
}

} // namespace mpl
