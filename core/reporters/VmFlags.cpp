//===- VmFlags.cpp -------------------------------------------------------===//
//
// mmap-prepare-vm-flags: each legacy flag use, as the descriptor spells it.
//
//===----------------------------------------------------------------------===//
#include "core/reporters/Reporters.h"
#include "rewriters/ApiLevel.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace mpl {

void reportFlagUses(FindingSink &Sink, const CallbackModel &M, unsigned Level,
                    bool Fixed, std::vector<Edit> Edits, const char *Subject,
                    const FunctionDecl *ConvertedWith) {
  if (!ConvertedWith)
    ConvertedWith = M.Definition;
  // A blocked callback keeps .mmap and its vma: its flags stay as they are.
  if (!Subject && M.classification() == Classification::Blocked)
    return;
  for (const LeafUse &L : M.Leaves) {
    if (!L.isFlagUse())
      continue;
    Finding F;
    F.Check = check::VmFlags;
    F.Where = Sink.position(L.E->IgnoreParens()->getBeginLoc());
    F.Callback = M.Definition->getNameAsString();
    std::string Bits = llvm::join(L.Bits, ", ");
    switch (L.K) {
    case LeafUse::FlagSet:
      F.Message = "VMA flags are set on the descriptor by bit number: "
                  "vma_desc_set_flags(desc, " +
                  Bits + ")";
      break;
    case LeafUse::FlagClear:
      F.Message = "VMA flags are cleared on the descriptor by bit number: "
                  "vma_desc_clear_flags(desc, " +
                  Bits + ")";
      break;
    case LeafUse::FlagMod:
      F.Message = "vm_flags_mod() becomes vma_desc_set_flags(desc, " + Bits +
                  ") and vma_desc_clear_flags(desc, " +
                  llvm::join(L.ClearBits, ", ") + ")";
      break;
    case LeafUse::FlagReset:
      F.Message = "resetting the VMA flags becomes an assignment to "
                  "desc->vma_flags";
      break;
    case LeafUse::FlagTestAll:
      F.Message = "flag tests on the descriptor take bit numbers: " +
                  std::string(L.Negated ? "!" : "") +
                  flagTestHelper(Level, true, L.Bits.size()) + "(desc, " +
                  Bits + ")";
      break;
    case LeafUse::FlagCompare: {
      auto Test = [&](bool All, const std::vector<std::string> &Set) {
        return std::string(flagTestHelper(Level, All, Set.size())) + "(desc, " +
               llvm::join(Set, ", ") + ")";
      };
      std::vector<std::string> Parts;
      if (!L.Bits.empty())
        Parts.push_back((L.Negated ? "!" : "") + Test(true, L.Bits));
      if (!L.ClearBits.empty())
        Parts.push_back((L.Negated ? "" : "!") + Test(false, L.ClearBits));
      F.Message = "flag tests on the descriptor take bit numbers: " +
                  llvm::join(Parts, L.Negated ? " || " : " && ");
      break;
    }
    case LeafUse::FlagWord:
      F.Message = "vm_flags is read as a value; on the descriptor it is "
                  "vma_flags_to_legacy(desc->vma_flags)";
      break;
    default:
      F.Message = "flag tests on the descriptor take bit numbers: " +
                  std::string(L.Negated ? "!" : "") +
                  flagTestHelper(Level, false, L.Bits.size()) + "(desc, " +
                  Bits + ")";
      break;
    }
    F.Fixable = Fixed;
    if (Subject)
      F.Message = std::string(Subject) + " is gone since 7.0; " + F.Message;
    if (Fixed && Edits.empty())
      F.Notes.push_back({Sink.position(ConvertedWith->getLocation()),
                         "converted together with '" +
                             ConvertedWith->getNameAsString() + "'"});
    F.Fix = Edits;
    Sink.add(std::move(F));
  }
  Sink.addReasons(M, check::VmFlags,
                  {ReasonCode::FlagsUnknownMask, ReasonCode::FlagsExpression},
                  "VMA flag use cannot be converted: ");
}

} // namespace mpl
