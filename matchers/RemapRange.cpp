//===- RemapRange.cpp -----------------------------------------------------===//
//
// Values are tracked by what they are derived from: the mapping's start, its
// size, its pgoff. Locals inherit the taint of everything assigned to them.
// A guard is the condition of an `if` that encloses the call, or that comes
// before it and leaves the function; a guard bounds the size when it compares
// a size-derived value with something, or hands it (or the mapping) to a
// helper, and bounds pgoff when it mentions pgoff at all.
//
//===----------------------------------------------------------------------===//
#include "matchers/RemapRange.h"
#include "matchers/AstUtils.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/KernelApi.h"
#include "matchers/SourceText.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace mpl {
namespace {

enum Taint : unsigned {
  None = 0,
  Start = 1,        // desc->start / vma->vm_start
  Size = 2,         // the mapping size in bytes or pages
  Pgoff = 4,        // desc->pgoff / vma->vm_pgoff
  End = 8,          // desc->end / vma->vm_end alone
  Mapping = 16,     // the mapping itself (passed to a helper)
  CheckedSize = 32, // the result of a helper given the size (or mapping):
  CheckedPgoff = 64 // testing it bounds what the helper was given
};

/// Which argument of a remap-like callee is what.
struct RemapSignature {
  int Start = -1, Pfn = -1, Size = -1;
  bool WholeMapping = false; // the *_full actions
  bool SelfChecking = false; // the callee itself refuses an oversized map
};

/// The remap-like reading of a kernel-API row: legacy page-table calls and
/// the actions that replace them.
std::optional<RemapSignature> remapSignature(llvm::StringRef Name) {
  const KernelApiEntry *Api = lookupKernelApi(Name);
  if (!Api ||
      (Api->Role != ApiRole::Action && Api->Role != ApiRole::DescAction))
    return std::nullopt;
  RemapSignature Sig;
  Sig.Start = Api->argIndex(ArgRole::Start);
  Sig.Pfn = Api->argIndex(ArgRole::Pfn);
  Sig.Size = Api->argIndex(ArgRole::Size);
  Sig.SelfChecking = Api->ChecksBounds;
  // mmap_action_remap_full(desc, pfn): no start, no size, the whole mapping.
  Sig.WholeMapping = !Sig.SelfChecking && Sig.Start < 0 && Sig.Size < 0;
  return Sig;
}

class RangeChecker {
public:
  RangeChecker(const FunctionDecl *Hook, const ParmVarDecl *Mapping,
               ASTContext &Ctx)
      : Hook(Hook), P(Mapping), Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  std::vector<RangeProblem> run() {
    computeLocalTaints();
    struct Calls : RecursiveASTVisitor<Calls> {
      std::vector<const CallExpr *> All;
      bool VisitCallExpr(CallExpr *C) {
        All.push_back(C);
        return true;
      }
    } C;
    C.TraverseStmt(Hook->getBody());
    for (const CallExpr *Call : C.All)
      checkCall(Call);
    return std::move(Problems);
  }

private:
  // --- what an expression is derived from -------------------------------

  bool isMappingRef(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == P;
  }

  bool refersToMapping(const MemberExpr *ME) {
    return isMappingRef(baseThroughAnonymous(ME));
  }

  unsigned memberTaint(const MemberExpr *ME) {
    if (!refersToMapping(ME))
      return None;
    StringRef F = ME->getMemberDecl()->getName();
    if (F == "vm_start" || F == "start")
      return Start;
    if (F == "vm_end" || F == "end")
      return End;
    if (F == "vm_pgoff" || F == "pgoff")
      return Pgoff;
    return None;
  }

  unsigned taintOf(const Expr *E) {
    if (!E)
      return None;
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      // A field of the mapping is only what memberTaint() says; vm_flags or
      // page_prot do not stand for the mapping itself.
      if (refersToMapping(ME))
        return memberTaint(ME);
      return taintOf(ME->getBase());
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (DRE->getDecl() == P)
        return Mapping;
      auto It = LocalTaint.find(DRE->getDecl());
      return It == LocalTaint.end() ? None : It->second;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      unsigned L = taintOf(BO->getLHS()), R = taintOf(BO->getRHS());
      // end - start is the size.
      if (BO->getOpcode() == BO_Sub && (L & End) && (R & Start))
        return Size | ((L | R) & ~(End | Start));
      return L | R;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      std::string Name = spelledCalleeName(Call, Ctx);
      if (Name == "vma_pages" || Name == "vma_desc_pages" ||
          Name == "vma_desc_size")
        return Size;
      // Flag predicates read the mapping but say nothing about its range.
      StringRef N(Name);
      if (N.starts_with("vma_desc_test") || N.starts_with("vma_test") ||
          N.starts_with("vma_flags_") || N.contains("cow_mapping") ||
          N.starts_with("is_shared_maywrite"))
        return None;
      unsigned T = None;
      for (const Expr *Arg : Call->arguments())
        T |= taintOf(Arg);
      if (T & (Size | Mapping | End))
        T |= CheckedSize;
      if (T & (Pgoff | Mapping))
        T |= CheckedPgoff;
      // A helper that receives the mapping yields something derived from it.
      return T & Mapping ? T | Size : T;
    }
    unsigned T = None;
    for (const Stmt *Child : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child))
        T |= taintOf(CE);
    return T;
  }

  void computeLocalTaints() {
    // Iterate to a fixpoint: `size = end - start; len = size;`.
    for (int Round = 0; Round < 4; ++Round) {
      bool Changed = false;
      auto Merge = [&](const ValueDecl *D, unsigned T) {
        if (!T)
          return;
        unsigned &Slot = LocalTaint[D];
        if ((Slot | T) != Slot) {
          Slot |= T;
          Changed = true;
        }
      };
      struct Walker : RecursiveASTVisitor<Walker> {
        RangeChecker *Self;
        std::function<void(const ValueDecl *, unsigned)> Merge;
        bool VisitVarDecl(VarDecl *VD) {
          if (VD->isLocalVarDecl() && VD->getInit())
            Merge(VD, Self->taintOf(VD->getInit()));
          return true;
        }
        bool VisitBinaryOperator(BinaryOperator *BO) {
          if (!BO->isAssignmentOp())
            return true;
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
            Merge(DRE->getDecl(), Self->taintOf(BO->getRHS()));
          return true;
        }
      } W;
      W.Self = this;
      W.Merge = Merge;
      W.TraverseStmt(Hook->getBody());
      if (!Changed)
        break;
    }
  }

  // --- guards ----------------------------------------------------------

  static bool containsStmt(const Stmt *Outer, const Stmt *Inner) {
    if (Outer == Inner)
      return true;
    for (const Stmt *Child : Outer->children())
      if (Child && containsStmt(Child, Inner))
        return true;
    return false;
  }

  static bool exits(const Stmt *S) {
    if (!S)
      return false;
    if (isa<ReturnStmt>(S) || isa<GotoStmt>(S))
      return true;
    if (const auto *CS = dyn_cast<CompoundStmt>(S))
      return !CS->body_empty() && exits(CS->body_back());
    return false;
  }

  /// What a guard condition bounds: Size when it compares a size-derived
  /// value or hands one to a helper; Pgoff when it mentions pgoff.
  unsigned boundsOf(const Expr *Cond) {
    unsigned Bounds = None;
    struct Finder : RecursiveASTVisitor<Finder> {
      RangeChecker *Self;
      unsigned *Bounds;
      bool VisitBinaryOperator(BinaryOperator *BO) {
        // `size == 0` rejects an empty mapping; it bounds nothing.
        auto IsZero = [&](const Expr *E) {
          Expr::EvalResult R;
          return E->EvaluateAsInt(R, Self->Ctx) && R.Val.getInt() == 0;
        };
        if (BO->isComparisonOp() && !IsZero(BO->getLHS()) &&
            !IsZero(BO->getRHS())) {
          unsigned T =
              Self->taintOf(BO->getLHS()) | Self->taintOf(BO->getRHS());
          if (T & (Size | End | Mapping))
            *Bounds |= Size;
        }
        return true;
      }
      bool VisitCallExpr(CallExpr *C) {
        if (!Self->taintOf(C))
          return true; // a flag predicate, or unrelated
        for (const Expr *Arg : C->arguments()) {
          unsigned T = Self->taintOf(Arg);
          if (T & (Size | Mapping | End))
            *Bounds |= Size;
          if (T & Mapping)
            *Bounds |= Pgoff;
        }
        return true;
      }
    } F;
    F.Self = this;
    F.Bounds = &Bounds;
    F.TraverseStmt(const_cast<Expr *>(Cond));
    if (taintOf(Cond) & Pgoff)
      Bounds |= Pgoff;
    // `if (ret) return ret;` after `ret = check(vma, ...)` or
    // `ret = region_get(offset, size, &r)`.
    unsigned CondTaint = taintOf(Cond);
    if (CondTaint & (Mapping | CheckedSize))
      Bounds |= Size;
    if (CondTaint & (Mapping | CheckedPgoff))
      Bounds |= Pgoff;
    return Bounds;
  }

  /// Conditions that must hold (or have failed) for control to reach \p S.
  unsigned guardsBefore(const Stmt *Target) {
    unsigned Bounds = None;
    const Stmt *Child = Target;
    while (const Stmt *Parent = parentStmt(Child, Ctx)) {
      if (const auto *If = dyn_cast<IfStmt>(Parent);
          If && If->getCond() != Child)
        Bounds |= boundsOf(If->getCond());
      // Reaching a case of `switch (vma->vm_pgoff)` pins the value.
      if (const auto *Switch = dyn_cast<SwitchStmt>(Parent);
          Switch && Switch->getCond() != Child && GoverningLabelIsCase) {
        unsigned Taint = taintOf(Switch->getCond());
        if (Taint & Pgoff)
          Bounds |= Pgoff;
        if (Taint & (Size | End))
          Bounds |= Size;
      }
      if (const auto *CS = dyn_cast<CompoundStmt>(Parent)) {
        unsigned Level = None;
        for (const Stmt *Before : CS->body()) {
          // A case label is a way in that skips what came before it.
          while (const auto *Case = dyn_cast<SwitchCase>(Before)) {
            Level = None;
            GoverningLabelIsCase = isa<CaseStmt>(Case);
            if (Before == Child)
              break;
            Before = Case->getSubStmt();
          }
          if (Before == Child || containsStmt(Before, Child))
            break;
          if (const auto *If = dyn_cast<IfStmt>(Before);
              If && (exits(If->getThen()) || exits(If->getElse())))
            Level |= boundsOf(If->getCond());
        }
        Bounds |= Level;
      }
      if (Parent == Hook->getBody())
        break;
      Child = Parent;
    }
    return Bounds;
  }

  // --- the checks --------------------------------------------------------

  std::string text(const Expr *E) {
    auto T = spelledText(E->getSourceRange(), Ctx);
    return T ? *T : std::string("<expr>");
  }

  std::string sizeSpelling() {
    return isDesc() ? "vma_desc_size(" + P->getName().str() + ")"
                    : P->getName().str() + "->vm_end - " + P->getName().str() +
                          "->vm_start";
  }
  bool isDesc() const {
    return isPointerToRecord(P->getType(), "vm_area_desc");
  }

  void report(ReasonCode Code, const CallExpr *Call, std::string Message,
              std::string Note) {
    RangeProblem Problem;
    Problem.Code = Code;
    Problem.Loc = SM.getFileLoc(Call->getBeginLoc());
    Problem.Message = std::move(Message);
    Problem.Notes.push_back({Problem.Loc, std::move(Note)});
    Problems.push_back(std::move(Problem));
  }

  void checkCall(const CallExpr *Call) {
    std::string Name = spelledCalleeName(Call, Ctx);
    std::optional<RemapSignature> Found = remapSignature(Name);
    if (!Found)
      return;
    const RemapSignature &Sig = *Found;
    if (Sig.SelfChecking)
      return;
    auto Arg = [&](int I) -> const Expr * {
      return I >= 0 && static_cast<unsigned>(I) < Call->getNumArgs()
                 ? Call->getArg(I)
                 : nullptr;
    };
    // The mapping argument must be ours.
    if (Call->getNumArgs() == 0 || !isMappingRef(Call->getArg(0)))
      return;
    unsigned Guards = guardsBefore(Call);

    if (const Expr *StartArg = Arg(Sig.Start);
        StartArg && !(taintOf(StartArg) & (Start | End)))
      report(ReasonCode::UnprovenStart, Call,
             Name + "() starts at '" + text(StartArg) +
                 "', which is not derived from the mapping's start; it can "
                 "fall outside [start, end)",
             "the start of a remap must lie in the mapping: use " +
                 P->getName().str() + (isDesc() ? "->start" : "->vm_start") +
                 " plus a checked offset");

    bool Whole = Sig.WholeMapping;
    if (const Expr *SizeArg = Arg(Sig.Size)) {
      unsigned T = taintOf(SizeArg);
      bool IsMappingSize = (T & Size) && !(T & ~(Size | Mapping | Start | End));
      Expr::EvalResult Const;
      bool SmallConstant = SizeArg->EvaluateAsInt(Const, Ctx) &&
                           Const.Val.getInt().getLimitedValue() <= 4096;
      const Expr *StartArg = Arg(Sig.Start);
      bool StartIsExactlyStart =
          StartArg && isa<MemberExpr>(StartArg->IgnoreParenImpCasts()) &&
          taintOf(StartArg) == Start;
      if (IsMappingSize && StartArg && !StartIsExactlyStart &&
          (taintOf(StartArg) & Start) && !(Guards & Size))
        report(ReasonCode::SizeExceedsMapping, Call,
               Name + "() starts at '" + text(StartArg) +
                   "' but maps the whole mapping size: it runs past the end",
               "start + size must not pass the mapping's end");
      else if (IsMappingSize && !(T & Pgoff))
        Whole = true;
      else if (!SmallConstant && !(Guards & Size))
        report(ReasonCode::SizeExceedsMapping, Call,
               Name + "() maps '" + text(SizeArg) +
                   "' bytes, but nothing checks that against the mapping "
                   "size; a smaller mapping makes it run past the end",
               "no guard such as `if (" + text(SizeArg) + " > " +
                   sizeSpelling() + ") return -EINVAL;` dominates the call");
    }
    if (Whole && !(Guards & Size))
      report(ReasonCode::UncheckedMappingSize, Call,
             Name + "() maps the whole mapping, but its size is never "
                    "checked against the object behind it: user space can "
                    "map past the end of the buffer",
             "no guard compares " + sizeSpelling() +
                 " (or the page count) with the size of what is mapped");
    if (const Expr *PfnArg = Arg(Sig.Pfn);
        PfnArg && (taintOf(PfnArg) & Pgoff) && !(Guards & Pgoff))
      report(ReasonCode::UncheckedPgoff, Call,
             Name + "() uses the mapping's pgoff in '" + text(PfnArg) +
                 "' without a bounds check: user space chooses the offset",
             std::string("no guard tests ") + P->getName().str() +
                 (isDesc() ? "->pgoff" : "->vm_pgoff") +
                 " against the size of the object before the call");
  }

  const FunctionDecl *Hook;
  const ParmVarDecl *P;
  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::DenseMap<const ValueDecl *, unsigned> LocalTaint;
  /// The switch label that leads to the call is a `case`, not `default`.
  bool GoverningLabelIsCase = false;
  std::vector<RangeProblem> Problems;
};

} // namespace

std::vector<RangeProblem> checkRemapRanges(const FunctionDecl *Hook,
                                           const ParmVarDecl *Mapping,
                                           ASTContext &Ctx) {
  if (!Hook->hasBody() || !Mapping)
    return {};
  return RangeChecker(Hook, Mapping, Ctx).run();
}

} // namespace mpl
