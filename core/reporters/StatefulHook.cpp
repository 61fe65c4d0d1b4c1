//===- StatefulHook.cpp --------------------------------------------------===//
//
// mmap-prepare-stateful-hook: state taken in the hook, and ->mapped/->close
// pairs a failing action unbalances.
//
//===----------------------------------------------------------------------===//
#include "core/reporters/Reporters.h"
#include "matchers/MappedClose.h"

using namespace clang;

namespace mpl {

void reportStatefulCalls(FindingSink &Sink, const CallbackModel &M) {
  Sink.addReasons(M, check::StatefulHook, {ReasonCode::StateInHook},
                  "the mmap hook ");
}

void reportUnbalancedMapped(FindingSink &Sink, const FunctionDecl *Hook,
                            ASTContext &Ctx) {
  for (const UnbalancedMapped &U : findUnbalancedMapped(Hook, Ctx)) {
    std::string Mapped = U.Mapped->getNameAsString();
    std::string Close = U.Close->getNameAsString();
    llvm::StringRef Takes = llvm::StringRef(U.State).split(';').first;
    Finding F;
    F.Check = check::StatefulHook;
    F.Where = Sink.position(U.ActionLoc);
    F.Callback = Hook->getNameAsString();
    F.Reasons = {reasonId(ReasonCode::MappedCloseUnbalanced)};
    F.Message = "the mmap hook requests " + U.Action + "() and installs '" +
                U.Table + "', whose ->mapped " + Mapped + "() " + Takes.str() +
                "; if the action fails, ->mapped is skipped "
                "but ->close " +
                Close +
                "() still runs and releases what "
                "was never taken";
    F.Notes.push_back(
        {Sink.position(U.StateLoc),
         "->mapped takes it here [" +
             std::string(reasonId(ReasonCode::MappedCloseUnbalanced)) + "]"});
    F.Notes.push_back({Sink.position(U.Close->getLocation()),
                       "->close runs after a failed action too; it must "
                       "release only what ->mapped took (or the state "
                       "moves to where the action cannot fail after it)"});
    Sink.add(std::move(F));
  }
}

} // namespace mpl
