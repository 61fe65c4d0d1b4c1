//===- ExportFixes.cpp - clang-apply-replacements YAML -------------------===//
#include "core/Formats.h"
#include "llvm/Support/raw_ostream.h"

namespace mpl {
namespace {

/// A YAML double-quoted scalar.
std::string quote(llvm::StringRef S) {
  std::string Out = "\"";
  for (unsigned char C : S) {
    switch (C) {
    case '"':
      Out += "\\\"";
      break;
    case '\\':
      Out += "\\\\";
      break;
    case '\n':
      Out += "\\n";
      break;
    case '\t':
      Out += "\\t";
      break;
    case '\r':
      Out += "\\r";
      break;
    default:
      if (C < 0x20 || C == 0x7f) {
        char Buf[8];
        snprintf(Buf, sizeof Buf, "\\x%02X", C);
        Out += Buf;
      } else {
        Out += static_cast<char>(C);
      }
    }
  }
  return Out + "\"";
}

} // namespace

std::string exportFixesYaml(const Report &R,
                            const std::set<std::string> &KeptFiles,
                            llvm::StringRef MainSourceFile,
                            llvm::StringRef BuildDirectory,
                            SourceLines &Lines) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "---\nMainSourceFile:  " << quote(MainSourceFile) << "\n";
  std::set<Edit> Written;
  bool Any = false;
  for (const Finding &F : R.Findings) {
    std::vector<const Edit *> Edits;
    for (const Edit &E : F.Fix)
      if (KeptFiles.count(E.File) && Written.insert(E).second)
        Edits.push_back(&E);
    if (Edits.empty())
      continue;
    if (!Any)
      OS << "Diagnostics:\n";
    Any = true;
    OS << "  - DiagnosticName:  " << quote(F.Check) << "\n"
       << "    DiagnosticMessage:\n"
       << "      Message:         " << quote(F.Message) << "\n"
       << "      FilePath:        " << quote(F.Where.File) << "\n"
       << "      FileOffset:      "
       << Lines.offset(F.Where.File, F.Where.Line, F.Where.Column) << "\n"
       << "      Replacements:\n";
    for (const Edit *E : Edits)
      OS << "        - FilePath:        " << quote(E->File) << "\n"
         << "          Offset:          " << E->Offset << "\n"
         << "          Length:          " << E->Length << "\n"
         << "          ReplacementText: " << quote(E->Text) << "\n";
    OS << "    Level:           "
       << (F.Level == Severity::Error ? "Error" : "Warning") << "\n"
       << "    BuildDirectory:  " << quote(BuildDirectory) << "\n";
  }
  if (!Any)
    OS << "Diagnostics:     []\n";
  OS << "...\n";
  return Text;
}

} // namespace mpl
