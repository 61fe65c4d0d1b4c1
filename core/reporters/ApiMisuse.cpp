//===- ApiMisuse.cpp -----------------------------------------------------===//
//
// mmap-prepare-api-misuse: mmap_prepare hooks that break the descriptor's
// contract, and tables that set both hooks.
//
//===----------------------------------------------------------------------===//
#include "core/reporters/Reporters.h"
#include "rewriters/Edit.h"

using namespace clang;

namespace mpl {

void reportBothHooks(FindingSink &Sink, const MmapSite &S) {
  Finding F;
  F.Check = check::ApiMisuse;
  F.Message = "'file_operations' sets both .mmap and .mmap_prepare; the "
              "hooks are mutually exclusive and the kernel refuses to map "
              "the file";
  F.Where = Sink.position(S.Loc);
  Sink.add(std::move(F));
}

void reportMisuses(FindingSink &Sink, const PrepareHookModel &Model,
                   ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Misuse &M : Model.Misuses) {
    Finding F;
    F.Check = check::ApiMisuse;
    F.Where = Sink.position(M.Loc);
    F.Callback = Model.Hook->getNameAsString();
    F.Message = M.Message;
    F.Reasons = {reasonId(M.Code)};
    if (M.RenameLoc.isValid() && M.RenameLoc.isFileID()) {
      F.Fix = {
          replaceTokenEdit(M.RenameLoc, M.RenameTo, SM, Ctx.getLangOpts())};
      F.Fixable = true;
    }
    Sink.add(std::move(F));
  }
}

} // namespace mpl
