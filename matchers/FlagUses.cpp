//===- FlagUses.cpp -------------------------------------------------------===//
#include "matchers/FlagUses.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/KernelApi.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

using namespace clang;

namespace mpl {

static const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

const Stmt *FlagUseScanner::parentOf(const Stmt *S) {
  while (true) {
    auto Parents = Ctx.getParents(*S);
    if (Parents.empty())
      return nullptr;
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P) {
      // A declaration (VarDecl initialiser) sits between us and the
      // DeclStmt; report the DeclStmt.
      if (const auto *VD = Parents[0].get<VarDecl>()) {
        auto Up = Ctx.getParents(*VD);
        return Up.empty() ? nullptr : Up[0].get<Stmt>();
      }
      return nullptr;
    }
    if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)) {
      S = P;
      continue;
    }
    return P;
  }
}


void FlagUseScanner::line(SourceLocation Loc, const std::string &Text) {
  M.Explanation.push_back(
      "line " + std::to_string(SM.getExpansionLineNumber(Loc)) + ": " + Text);
}

bool FlagUseScanner::inBooleanContext(const Stmt *P, const Expr *E) {
  if (!P)
    return false;
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->getOpcode() == UO_LNot;
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    return BO->getOpcode() == BO_LAnd || BO->getOpcode() == BO_LOr;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return strip(If->getCond()) == E;
  if (const auto *W = dyn_cast<WhileStmt>(P))
    return strip(W->getCond()) == E;
  if (const auto *CO = dyn_cast<ConditionalOperator>(P))
    return strip(CO->getCond()) == E;
  return false;
}


bool FlagUseScanner::recordMask(const Expr *Mask, std::vector<std::string> &Bits) {
  MaskDecomposition D = decomposeMask(Mask, Ctx);
  if (!D.ok()) {
    M.addReason(ReasonCode::FlagsUnknownMask, D.Problem,
                D.ProblemLoc.isValid() ? D.ProblemLoc : Mask->getBeginLoc());
    return false;
  }
  Bits = D.Bits;
  return true;
}


void FlagUseScanner::handleFlags(const MemberExpr *ME, const Stmt *P) {
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P)) {
    if (BO->getOpcode() == BO_And) {
      const Expr *Mask =
          strip(BO->getLHS()) == ME ? BO->getRHS() : BO->getLHS();
      LeafUse Leaf{LeafUse::FlagTestAny, BO};
      if (!recordMask(Mask, Leaf.Bits))
        return;
      const Stmt *PP = parentOf(BO);
      if (const auto *Cmp = dyn_cast_or_null<BinaryOperator>(PP);
          Cmp && Cmp->getOpcode() == BO_EQ) {
        const Expr *Other =
            strip(Cmp->getLHS()) == BO ? Cmp->getRHS() : Cmp->getLHS();
        MaskDecomposition Rhs = decomposeMask(Other, Ctx);
        std::vector<std::string> A = Leaf.Bits, B = Rhs.Bits;
        std::sort(A.begin(), A.end());
        std::sort(B.begin(), B.end());
        if (Rhs.ok() && !Rhs.Empty && A == B) {
          Leaf.K = LeafUse::FlagTestAll;
          Leaf.E = Cmp;
          M.Leaves.push_back(Leaf);
          line(Cmp->getBeginLoc(), "flag test (all of) -> vma_desc_test_all()");
          return;
        }
      }
      if (Leaf.Bits.empty() || !inBooleanContext(PP, BO)) {
        M.addReason(ReasonCode::FlagsExpression,
                    "uses vma->vm_flags as a value, not as a flag test",
                    ME->getBeginLoc());
        return;
      }
      // `!(vma->vm_flags & VM_X)` needs no parentheses around a call.
      const Expr *Outer = BO;
      for (auto Parents = Ctx.getParents(*Outer);
           !Parents.empty() && Parents[0].get<ParenExpr>();
           Parents = Ctx.getParents(*Outer))
        Outer = Parents[0].get<ParenExpr>();
      Leaf.E = Outer;
      M.Leaves.push_back(Leaf);
      line(BO->getBeginLoc(), "flag test -> vma_desc_test()");
      return;
    }
    if (strip(BO->getLHS()) == ME && BO->getOpcode() == BO_OrAssign) {
      LeafUse Leaf{LeafUse::FlagSet, BO};
      if (recordMask(BO->getRHS(), Leaf.Bits))
        M.Leaves.push_back(Leaf);
      return;
    }
    if (strip(BO->getLHS()) == ME && BO->getOpcode() == BO_AndAssign) {
      const auto *Not = dyn_cast<UnaryOperator>(strip(BO->getRHS()));
      LeafUse Leaf{LeafUse::FlagClear, BO};
      if (Not && Not->getOpcode() == UO_Not &&
          recordMask(Not->getSubExpr(), Leaf.Bits)) {
        M.Leaves.push_back(Leaf);
        return;
      }
    }
  }
  // is_cow_mapping(vma->vm_flags) -> vma_desc_is_cow_mapping(desc).
  if (const auto *Call = dyn_cast_or_null<CallExpr>(P)) {
    const KernelApiEntry *Api = lookupKernelApi(spelledCalleeName(Call, Ctx));
    int FlagsArg = Api && Api->Role == ApiRole::SyncTwin
                       ? Api->argIndex(ArgRole::VmFlags)
                       : -1;
    if (FlagsArg >= 0 && static_cast<unsigned>(FlagsArg) < Call->getNumArgs() &&
        strip(Call->getArg(FlagsArg)) == ME) {
      LeafUse Leaf{LeafUse::Twin, Call};
      Leaf.Api = Api;
      M.Leaves.push_back(Leaf);
      line(Call->getBeginLoc(), Api->Name + std::string("() -> ") +
                                    Api->Replacement + "()");
      return;
    }
  }
  M.addReason(ReasonCode::FlagsExpression,
              "uses vma->vm_flags as a word; the descriptor has a flag "
              "bitmap",
              ME->getBeginLoc());
}


} // namespace mpl
