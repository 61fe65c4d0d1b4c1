//===- ApiLevel.cpp -------------------------------------------------------===//
#include "rewriters/ApiLevel.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace mpl {

std::string ApiLevel::str() const {
  if (isAuto())
    return "auto";
  return std::to_string(Version / 100) + "." + std::to_string(Version % 100);
}

std::optional<ApiLevel> ApiLevel::parse(llvm::StringRef Text) {
  if (Text == "auto")
    return ApiLevel{0};
  auto [Major, Minor] = Text.split('.');
  unsigned Ma = 0, Mi = 0;
  if (Major.getAsInteger(10, Ma) || Minor.getAsInteger(10, Mi) || Mi > 99)
    return std::nullopt;
  unsigned V = Ma * 100 + Mi;
  if (V < Oldest || V > Newest)
    return std::nullopt;
  return ApiLevel{V};
}

const char *flagTestHelper(unsigned Level, bool All, size_t NumBits) {
  if (All && NumBits > 1)
    return "vma_desc_test_all";
  if (Level == 700)
    return "vma_desc_test_flags";
  return NumBits == 1 ? "vma_desc_test" : "vma_desc_test_any";
}

bool DeclaredApi::declares(llvm::StringRef Name) const {
  IdentifierInfo &II = Ctx.Idents.get(Name);
  // Identifiers remember whether a macro of their name is defined (real
  // kernels spell vma_desc_set_flags() as a macro over mk_vma_flags()).
  if (II.hasMacroDefinition())
    return true;
  return !Ctx.getTranslationUnitDecl()->lookup(DeclarationName(&II)).empty();
}

bool DeclaredApi::recordHasField(llvm::StringRef Record,
                                 llvm::StringRef Field) const {
  IdentifierInfo &II = Ctx.Idents.get(Record);
  for (NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&II))
    if (const auto *RD = dyn_cast<RecordDecl>(D))
      if (const RecordDecl *Def = RD->getDefinition())
        for (const FieldDecl *F : Def->fields())
          if (F->getName() == Field)
            return true;
  return false;
}

bool DeclaredApi::takesNewForm(llvm::StringRef Name, unsigned Params) const {
  IdentifierInfo &II = Ctx.Idents.get(Name);
  for (NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&II)) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || FD->getNumParams() == 0 || FD->getNumParams() != Params)
      continue;
    QualType T = FD->getParamDecl(0)->getType();
    if (const auto *PT = T->getAs<PointerType>()) {
      QualType Pointee = PT->getPointeeType().getUnqualifiedType();
      if (const RecordDecl *RD = Pointee->getAsRecordDecl())
        if (RD->getName() == "vm_area_desc")
          return true;
      if (const auto *TT = Pointee->getAs<TypedefType>())
        if (TT->getDecl()->getName() == "vma_flags_t")
          return true;
    }
  }
  return false;
}

unsigned DeclaredApi::detectLevel() const {
  if (!declares("vma_desc_set_flags") || !declares("mmap_action_remap"))
    return 0;
  if (!declares("vma_desc_test_any"))
    return 700;
  if (!recordHasField("mmap_action", "error_override"))
    return 701;
  // 7.3 added the userfaultfd read-protect bit; nothing the tool emits
  // differs between 7.2 and 7.3, the level is reported for --explain.
  if (!declares("VMA_UFFD_RWP_BIT"))
    return 702;
  return 703;
}

} // namespace mpl
