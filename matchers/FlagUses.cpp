//===- FlagUses.cpp -------------------------------------------------------===//
#include "matchers/FlagUses.h"
#include "matchers/AstUtils.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/KernelApi.h"
#include "matchers/SourceText.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <functional>

using namespace clang;

namespace mpl {

static const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
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

bool FlagUseScanner::recordMask(const Expr *Mask,
                                std::vector<std::string> &Bits) {
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
      if (Leaf.Bits.empty()) {
        M.addReason(ReasonCode::FlagsExpression,
                    "tests vma->vm_flags against an empty mask (VM_NONE)",
                    ME->getBeginLoc());
        return;
      }
      const Stmt *PP = parentStmt(BO, Ctx, /*SkipParensAndCasts=*/true);
      // (flags & M) == V, (flags & M) != V with V one of M's sub-masks.
      if (const auto *Cmp = dyn_cast_or_null<BinaryOperator>(PP);
          Cmp && (Cmp->getOpcode() == BO_EQ || Cmp->getOpcode() == BO_NE)) {
        const Expr *Other =
            strip(Cmp->getLHS()) == BO ? Cmp->getRHS() : Cmp->getLHS();
        MaskDecomposition Rhs = decomposeMask(Other, Ctx);
        bool Subset = Rhs.ok();
        for (const std::string &Bit : Rhs.Bits)
          Subset &= llvm::is_contained(Leaf.Bits, Bit);
        if (Subset) {
          LeafUse Compare{LeafUse::FlagCompare, Cmp};
          Compare.Bits = Rhs.Bits;
          for (const std::string &Bit : Leaf.Bits)
            if (!llvm::is_contained(Rhs.Bits, Bit))
              Compare.ClearBits.push_back(Bit);
          Compare.Negated = Cmp->getOpcode() == BO_NE;
          M.Leaves.push_back(Compare);
          line(Cmp->getBeginLoc(), "flag-mask comparison -> vma_desc_test*()");
          return;
        }
      }
      if (inBooleanContext(PP, BO)) {
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
      return flagWord(ME);
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
      line(Call->getBeginLoc(),
           Api->Name + std::string("() -> ") + Api->Replacement + "()");
      return;
    }
  }
  if (!writesChild(P, ME, /*AddressOfCounts=*/true))
    return flagWord(ME);
  M.addReason(ReasonCode::FlagsExpression,
              "writes vma->vm_flags or takes its address; the descriptor "
              "has a flag bitmap",
              ME->getBeginLoc());
}

/// The flags read as a value (copied, passed on, compared with a mask that
/// is no sub-mask): vma_flags_to_legacy(desc->vma_flags) is that value.
void FlagUseScanner::flagWord(const MemberExpr *ME) {
  M.Leaves.push_back({LeafUse::FlagWord, ME});
  line(ME->getBeginLoc(), "vm_flags read as a value -> vma_flags_to_legacy()");
}

namespace {

/// A flag test as a term of a boolean chain.
struct FlagTerm {
  bool Negated = false;
  bool All = false; // all of Bits (else any of them)
  std::vector<std::string> Bits;
  bool anyForm() const { return !All || Bits.size() == 1; }
  bool allForm() const { return All || Bits.size() == 1; }
};

} // namespace

void FlagUseScanner::mergeFlagTests(const Stmt *Body) {
  llvm::DenseMap<const Expr *, size_t> LeafAt;
  auto Rebuild = [&] {
    LeafAt.clear();
    for (size_t I = 0; I < M.Leaves.size(); ++I)
      if (M.Leaves[I].K == LeafUse::FlagTestAny ||
          M.Leaves[I].K == LeafUse::FlagTestAll)
        LeafAt[strip(M.Leaves[I].SpanEnd ? M.Leaves[I].SpanEnd
                                         : M.Leaves[I].E)] = I;
  };
  Rebuild();
  // The term an operand is, and the leaf that holds it.
  auto TermOf = [&](const Expr *E, size_t &Index) -> std::optional<FlagTerm> {
    E = strip(E);
    bool Not = false;
    auto It = LeafAt.find(E); // a merged span ends with this very operand
    if (It == LeafAt.end())
      if (const auto *UO = dyn_cast<UnaryOperator>(E);
          UO && UO->getOpcode() == UO_LNot) {
        Not = true;
        It = LeafAt.find(strip(UO->getSubExpr()));
      }
    if (It == LeafAt.end())
      return std::nullopt;
    Index = It->second;
    const LeafUse &L = M.Leaves[Index];
    FlagTerm T;
    T.Negated = L.Negated != Not;
    T.All = L.K == LeafUse::FlagTestAll;
    T.Bits = L.Bits;
    return T;
  };
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S)
      return;
    for (const Stmt *Child : S->children())
      Visit(Child);
    const auto *BO = dyn_cast<BinaryOperator>(S);
    if (!BO || (BO->getOpcode() != BO_LAnd && BO->getOpcode() != BO_LOr) ||
        !spelledFileRange(BO->getSourceRange(), Ctx))
      return;
    size_t LI = 0, RI = 0;
    // `x && A && B` is `(x && A) && B`: A is the left operand's last term
    // (only without parentheses around `x && A`: the merged text would
    // cross them).
    const Expr *Left = BO->getLHS();
    const Expr *Chained = nullptr;
    if (const auto *Inner =
            dyn_cast<BinaryOperator>(BO->getLHS()->IgnoreImpCasts());
        Inner && Inner->getOpcode() == BO->getOpcode() &&
        !LeafAt.count(strip(Inner))) {
      Left = Inner->getRHS();
      Chained = Left;
    }
    auto L = TermOf(Left, LI), R = TermOf(BO->getRHS(), RI);
    if (!L || !R || L->Negated != R->Negated)
      return;
    bool And = BO->getOpcode() == BO_LAnd;
    // a && b = all(a, b); !a && !b = !any(a, b); a || b = any(a, b);
    // !a || !b = !all(a, b).
    bool WantAll = And != L->Negated;
    if (WantAll ? !(L->allForm() && R->allForm())
                : !(L->anyForm() && R->anyForm()))
      return;
    LeafUse Merged{WantAll ? LeafUse::FlagTestAll : LeafUse::FlagTestAny, BO};
    if (Chained) {
      // Covers the left term's text (its `!` included) to the right one's.
      Merged.E = M.Leaves[LI].SpanEnd ? M.Leaves[LI].E : Chained;
      Merged.SpanEnd = BO->getRHS();
    }
    Merged.Negated = L->Negated;
    Merged.Bits = L->Bits;
    for (const std::string &Bit : R->Bits)
      if (!llvm::is_contained(Merged.Bits, Bit))
        Merged.Bits.push_back(Bit);
    size_t Hi = std::max(LI, RI), Lo = std::min(LI, RI);
    M.Leaves.erase(M.Leaves.begin() + Hi);
    M.Leaves.erase(M.Leaves.begin() + Lo);
    M.Leaves.push_back(Merged);
    line(BO->getBeginLoc(), std::string("flag tests joined by ") +
                                (And ? "&&" : "||") + " -> one helper call");
    Rebuild();
  };
  Visit(Body);
}

} // namespace mpl
