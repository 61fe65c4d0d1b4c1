//===- Patches.cpp - git format-patch mails -------------------------------===//
#include "core/Formats.h"
#include "core/UnifiedDiff.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace mpl {

std::string prefixFromPath(llvm::StringRef RelPath) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(RelPath);
  llvm::StringRef Stem = llvm::sys::path::stem(RelPath);
  Dir.consume_front("drivers/");
  if (Dir == "drivers")
    Dir = "";
  if (Dir.empty())
    return Stem.str();
  return Dir.str() + ": " + Stem.str();
}

std::string patchSubject(llvm::StringRef Prefix) {
  return Prefix.str() + ": replace deprecated mmap hook with mmap_prepare";
}

std::string mailSlug(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    if (llvm::isAlnum(C))
      Out += llvm::toLower(C);
    else if (!Out.empty() && Out.back() != '-')
      Out += '-';
  }
  while (!Out.empty() && Out.back() == '-')
    Out.pop_back();
  return Out;
}

std::string prefixFromSubjects(const std::vector<std::string> &Subjects) {
  std::map<std::string, unsigned> Votes;
  for (llvm::StringRef S : Subjects) {
    S = S.trim();
    // "[PATCH] x: y" never appears in a log, but "Revert "x: y"" does.
    if (S.starts_with("Revert ") || S.starts_with("Merge "))
      continue;
    size_t Colon = S.rfind(": ");
    if (Colon == llvm::StringRef::npos || Colon == 0)
      continue;
    llvm::StringRef P = S.substr(0, Colon).trim();
    if (P.size() > 60 || P.contains('"'))
      continue;
    ++Votes[P.str()];
  }
  std::string Best;
  unsigned BestVotes = 0;
  for (auto &[P, N] : Votes)
    if (N > BestVotes) {
      Best = P;
      BestVotes = N;
    }
  return Best;
}

namespace {

size_t occurrences(llvm::StringRef Text, llvm::StringRef Word) {
  size_t N = 0;
  for (size_t At = Text.find(Word); At != llvm::StringRef::npos;
       At = Text.find(Word, At + Word.size()))
    ++N;
  return N;
}

/// What the conversion changes in behaviour, read from what it wrote
/// (kernel-api.md 6a): page-table work that became a deferred action runs
/// after the hook, and its failure unmaps the new mapping.
std::vector<std::string> behaviourNotes(const PatchInput &P) {
  bool Actions = false, Override = false;
  for (const PatchFile &F : P.Files) {
    Actions |= occurrences(F.After, "mmap_action_") >
               occurrences(F.Before, "mmap_action_");
    Override |= occurrences(F.After, "action.error_override") >
                occurrences(F.Before, "action.error_override");
  }
  std::vector<std::string> Notes;
  if (Actions)
    Notes.push_back(
        "The page-table setup now runs as an mmap action, after the hook has\n"
        "returned and the VMA exists. If it fails, the core unmaps the new\n"
        "mapping again, calling vm_ops->close but not ->mapped, and mmap()\n"
        "returns the error.");
  if (Override)
    Notes.push_back(
        "The errno the old code returned for a failed remap is kept with\n"
        "action.error_override; it applies to the action's completion only,\n"
        "not to the checks made when the action is prepared.");
  // The analysis' own notes are clauses ("the result of ... was ignored;
  // ..."): each becomes a sentence.
  for (const std::string &Change : P.Changes) {
    std::string Sentence = Change;
    llvm::StringRef FirstWord = llvm::StringRef(Sentence).split(' ').first;
    if (llvm::all_of(FirstWord, llvm::isAlpha)) // not a function's name
      Sentence[0] = llvm::toUpper(Sentence[0]);
    if (!llvm::StringRef(Sentence).ends_with("."))
      Sentence += '.';
    Notes.push_back(wrapParagraph(Sentence));
  }
  return Notes;
}

} // namespace

std::string wrapParagraph(llvm::StringRef Text, size_t Width) {
  std::string Out, Line;
  llvm::SmallVector<llvm::StringRef, 32> Words;
  Text.split(Words, ' ', -1, false);
  for (llvm::StringRef W : Words) {
    if (!Line.empty() && Line.size() + 1 + W.size() > Width) {
      Out += Line + "\n";
      Line.clear();
    }
    Line += (Line.empty() ? "" : " ") + W.str();
  }
  return Out + Line;
}

std::string formatPatch(const PatchInput &P, llvm::StringRef From,
                        llvm::StringRef Date, llvm::StringRef ToolVersion) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  std::string Names = P.Callbacks.empty()
                          ? std::string("the driver's mmap callback")
                          : llvm::join(P.Callbacks, "(), ") + "()";
  OS << "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 "
        "2001\n"
     << "From: " << From << "\n"
     << "Date: " << Date << "\n"
     << "Subject: [PATCH";
  if (P.Total > 1)
    OS << " " << P.Number << "/" << P.Total;
  OS << "] " << patchSubject(P.Prefix) << "\n"
     << recipientHeaders(P.Rcpt) << "\n"
     << "The file_operations->mmap hook is deprecated: it hands the driver a\n"
     << "VMA that is already set up, so drivers can leave it half-initialised\n"
     << "or hold on to it. Its replacement, ->mmap_prepare, is called before\n"
     << "the VMA exists with a struct vm_area_desc describing the mapping; "
        "the\n"
     << "driver adjusts the descriptor and asks for deferred work (remaps)\n"
     << "through mmap_action_*() helpers that the core runs once the mapping\n"
     << "is in place.\n"
     << "\n";
  std::vector<std::string> Notes = behaviourNotes(P);
  // Callback names make this paragraph as long as they are: wrapped, so
  // that checkpatch's 75 columns hold for any.
  std::string Para =
      wrapParagraph("Convert " + Names +
                    " to mmap_prepare: VMA fields become descriptor fields, "
                    "VM_* flag updates become vma_desc_set_flags() and "
                    "friends with VMA_*_BIT numbers, and remaps become "
                    "mmap_action_*() calls.");
  // The sentence people grep for stays on one line.
  llvm::StringRef Mechanical = "No functional change intended.";
  if (Notes.empty())
    Para += (Para.size() - Para.rfind('\n') + Mechanical.size() <= 72 ? " "
                                                                      : "\n") +
            Mechanical.str();
  OS << Para << "\n";
  if (!Notes.empty())
    OS << "\n" << llvm::join(Notes, "\n\n") << "\n";
  OS << "\n"
     << "Generated by mmap-prepare-lint " << ToolVersion
     << (P.Files.size() == 1 ? "; the converted file was\n"
                               "checked to compile.\n"
                             : "; every translation unit the change\n"
                               "touches was checked to compile.\n");
  if (!P.SignedOffBy.empty())
    OS << "\nSigned-off-by: " << P.SignedOffBy << "\n";
  OS << "---\n";
  for (const PatchFile &F : P.Files)
    OS << "diff --git a/" << F.RelPath << " b/" << F.RelPath << "\n"
       << unifiedDiff("a/" + F.RelPath, "b/" + F.RelPath, F.Before, F.After);
  OS << "-- \n"
     << "mmap-prepare-lint " << ToolVersion << "\n\n";
  return Text;
}

} // namespace mpl
