//===- UnitReasons.cpp ----------------------------------------------------===//
#include "matchers/UnitReasons.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/RuntimeFops.h"
#include "matchers/SourceText.h"
#include <algorithm>

using namespace clang;

namespace mpl {

UnitReasons::UnitReasons(ASTContext &Ctx,
                         std::function<bool(llvm::StringRef)> Declares)
    : Ctx(Ctx), Declares(std::move(Declares)),
      RuntimeTables(findRuntimeInstalledTables(Ctx)) {}

void UnitReasons::noteMacroInstalled(const FunctionDecl *Callback) {
  MacroInstalled.insert(Callback->getCanonicalDecl());
}

void UnitReasons::addSiteReasons(
    CallbackModel &M, const std::vector<const MmapSite *> &Sites) const {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const MmapSite *S : Sites)
    if (S->AlsoSetsPrepare)
      M.addReason(ReasonCode::BothHooks,
                  "the table also sets .mmap_prepare; decide which hook "
                  "stays before converting",
                  S->Loc);
  for (const MmapSite *S : Sites)
    if (S->K == MmapSite::Positional)
      M.addReason(ReasonCode::PositionalInit,
                  "the ops table is initialised by position; the "
                  "mmap_prepare slot is elsewhere",
                  S->Loc);
  // mmap() reads f_op->mmap_prepare at its start and f_op->mmap later
  // (kernel-api.md 6a): a table swapped into an open file in between must
  // have the hook kind of the one it replaced.
  for (const MmapSite *S : Sites) {
    if (!S->Table)
      continue;
    auto It = RuntimeTables.find(S->Table->getCanonicalDecl());
    if (It == RuntimeTables.end())
      continue;
    M.addReason(ReasonCode::RuntimeFops,
                "'" + S->Table->getNameAsString() +
                    "' is swapped into open files at runtime (line " +
                    std::to_string(SM.getExpansionLineNumber(It->second)) +
                    "); a concurrent mmap() reads ->mmap_prepare and "
                    "->mmap at different times, so this table must keep "
                    "the hook kind of every table it replaces: convert "
                    "them together",
                S->Loc);
  }
}

void UnitReasons::addReferenceReasons(
    CallbackModel &M, const FunctionDecl *Callback,
    const std::vector<const MmapSite *> &Sites, bool OtherUnitsKnown,
    const std::string &NewName) const {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = Callback->getNameAsString();
  bool FromMacro = MacroInstalled.count(Callback->getCanonicalDecl());
  if (FromMacro)
    M.addReason(ReasonCode::MacroSpelled,
                "'" + Name + "' is also installed from inside a macro",
                SM.getFileLoc(Callback->getLocation()));
  // References the sites do not explain: direct calls, EXPORT_SYMBOL, ...
  for (const DeclRefExpr *Ref : referencesTo(Callback, Ctx)) {
    bool FromSite = false;
    for (const MmapSite *S : Sites)
      FromSite |= S->CallbackRefLoc == Ref->getLocation();
    if (OtherUnitsKnown && exportedNameToken(Ref->getLocation(), Ctx).isValid())
      continue;
    if (!FromSite && !FromMacro)
      M.addReason(ReasonCode::OtherCallers,
                  "'" + Name +
                      "' is also referenced here; that use needs "
                      "the legacy signature",
                  SM.getFileLoc(Ref->getLocation()));
  }
  if (Declares(NewName)) {
    SourceLocation Existing = Callback->getLocation();
    IdentifierInfo &II = Ctx.Idents.get(NewName);
    for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&II))
      Existing = D->getLocation();
    M.addReason(ReasonCode::NameClash,
                "'" + NewName +
                    "' already exists; pick another --suffix "
                    "or rename by hand",
                Existing);
  }
}

void UnitReasons::addDefinitionReasons(CallbackModel &M,
                                       const FunctionDecl *Def,
                                       bool OtherUnitsKnown) const {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = Def->getNameAsString();
  if (const FunctionDecl *Redecl = redeclInAnotherFile(Def, SM);
      Redecl && !OtherUnitsKnown)
    M.addReason(ReasonCode::ExternCallback,
                "'" + Name +
                    "' is declared in another file; other "
                    "translation units may use it",
                SM.getFileLoc(Redecl->getLocation()));
  if (Declares("desc") || declaresName(Def, "desc"))
    M.addReason(ReasonCode::NameClash,
                "the name 'desc' is already taken in '" + Name + "'",
                Def->getLocation());
}

std::vector<SourceLocation> exportedNameTokens(const FunctionDecl *FD,
                                               ASTContext &Ctx) {
  std::vector<SourceLocation> Tokens;
  for (const DeclRefExpr *Ref : referencesTo(FD, Ctx))
    if (SourceLocation Name = exportedNameToken(Ref->getLocation(), Ctx);
        Name.isValid())
      Tokens.push_back(Name);
  return Tokens;
}

bool isVisibleToOtherUnits(const FunctionDecl *Def, ASTContext &Ctx) {
  return Def->isExternallyVisible() &&
         (redeclInAnotherFile(Def, Ctx.getSourceManager()) ||
          !exportedNameTokens(Def, Ctx).empty());
}

const FunctionDecl *redeclInAnotherFile(const FunctionDecl *Def,
                                        const SourceManager &SM) {
  FileID DefFile = SM.getFileID(SM.getFileLoc(Def->getLocation()));
  for (const FunctionDecl *Redecl : Def->redecls())
    if (SM.getFileID(SM.getFileLoc(Redecl->getLocation())) != DefFile)
      return Redecl;
  return nullptr;
}

std::vector<std::string> declarationFiles(const FunctionDecl *FD,
                                          const SourceManager &SM) {
  std::vector<std::string> Files;
  for (const FunctionDecl *Redecl : FD->redecls()) {
    std::string File = filePathOf(SM.getFileLoc(Redecl->getLocation()), SM);
    if (std::find(Files.begin(), Files.end(), File) == Files.end())
      Files.push_back(File);
  }
  return Files;
}

} // namespace mpl
