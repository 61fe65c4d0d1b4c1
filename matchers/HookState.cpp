//===- HookState.cpp ------------------------------------------------------===//
#include "matchers/HookState.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/SourceText.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace mpl {
namespace {

const llvm::StringSet<> &allocatingCallees() {
  static const llvm::StringSet<> Set = {
      "kmalloc", "kzalloc", "kcalloc", "kmalloc_array", "kmalloc_node",
      "kzalloc_node", "kvmalloc", "kvzalloc", "kvcalloc", "kvmalloc_array",
      "kmalloc_obj", "kzalloc_obj", "vmalloc", "vzalloc", "vmalloc_user",
      "vmalloc_32_user", "devm_kzalloc", "devm_kmalloc", "kmem_cache_alloc",
      "kmem_cache_zalloc", "alloc_page", "alloc_pages", "__get_free_page",
      "__get_free_pages", "get_zeroed_page", "kstrdup", "kmemdup",
      "dma_alloc_coherent", "dma_alloc_attrs", "idr_alloc", "ida_alloc",
      "ida_simple_get"};
  return Set;
}

const llvm::StringSet<> &referenceCallees() {
  static const llvm::StringSet<> Set = {
      "kref_get", "kref_get_unless_zero", "refcount_inc",
      "refcount_inc_not_zero", "atomic_inc", "atomic_inc_return",
      "atomic_add", "atomic_add_return", "atomic64_inc", "atomic_long_inc",
      "get_device", "get_file", "get_task_struct", "try_module_get",
      "__module_get", "mmgrab", "mmget", "kobject_get", "get_page",
      "pm_runtime_resume_and_get"};
  return Set;
}

/// Lock/unlock pairs: a hook that returns holding a lock relies on a
/// later callback to release it, which may never come.
const llvm::StringMap<const char *> &lockPairs() {
  static const llvm::StringMap<const char *> Pairs = {
      {"mutex_lock", "mutex_unlock"},
      {"mutex_lock_interruptible", "mutex_unlock"},
      {"mutex_lock_killable", "mutex_unlock"},
      {"spin_lock", "spin_unlock"},
      {"spin_lock_irq", "spin_unlock_irq"},
      {"spin_lock_irqsave", "spin_unlock_irqrestore"},
      {"spin_lock_bh", "spin_unlock_bh"},
      {"down_read", "up_read"},
      {"down_write", "up_write"},
      {"down", "up"},
      {"mmap_read_lock", "mmap_read_unlock"},
      {"mmap_write_lock", "mmap_write_unlock"},
  };
  return Pairs;
}

const ParmVarDecl *mappingParam(const FunctionDecl *FD) {
  for (const ParmVarDecl *P : FD->parameters())
    if (const auto *PT = P->getType()->getAs<PointerType>())
      if (const RecordDecl *RD = PT->getPointeeType()->getAsRecordDecl())
        if (RD->getName() == "vm_area_struct" || RD->getName() == "vm_area_desc")
          return P;
  return nullptr;
}

class StateFinder : public RecursiveASTVisitor<StateFinder> {
public:
  StateFinder(const FunctionDecl *Hook, ASTContext &Ctx)
      : Ctx(Ctx), Mapping(mappingParam(Hook)) {}

  std::vector<Reason> Found;
  // Lock key (unlock name + argument spelling) -> net count and first site.
  llvm::StringMap<std::pair<int, SourceLocation>> Locks;

  bool VisitCallExpr(CallExpr *Call) {
    std::string Name = spelledCalleeName(Call, Ctx);
    if (Name.empty())
      return true;
    if (isStateAcquiringCallee(Name))
      add("calls " + Name +
              "(); the hook may run for a mapping that is then merged or "
              "fails, so the state would leak: move it to vm_ops->mapped "
              "(7.1+) or keep .mmap",
          Call->getBeginLoc());
    std::string Arg = Call->getNumArgs()
                          ? spelledText(Call->getArg(0)->getSourceRange(), Ctx)
                                .value_or("?")
                          : "";
    if (auto It = lockPairs().find(Name); It != lockPairs().end()) {
      auto &Entry = Locks[std::string(It->second) + "(" + Arg + ")"];
      if (Entry.first++ == 0)
        Entry.second = Call->getBeginLoc();
    } else {
      for (const auto &Pair : lockPairs())
        if (Name == Pair.second)
          --Locks[Name + "(" + Arg + ")"].first;
    }
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      counterUpdate(UO->getSubExpr(), UO->getBeginLoc());
    return true;
  }

  bool VisitCompoundAssignOperator(CompoundAssignOperator *CAO) {
    if (CAO->getOpcode() == BO_AddAssign || CAO->getOpcode() == BO_SubAssign)
      counterUpdate(CAO->getLHS(), CAO->getBeginLoc());
    return true;
  }

  void finishLocks() {
    for (const auto &Entry : Locks)
      if (Entry.second.first > 0)
        add("can return with " + Entry.first().split('(').second.drop_back().str() +
                " still locked (no matching " +
                Entry.first().split('(').first.str() +
                "()); a hook must not hand a held lock to a later callback",
            Entry.second.second);
  }

private:
  void add(std::string Message, SourceLocation Loc) {
    Found.push_back({"state-in-hook", Classification::Manual, std::move(Message),
                     Ctx.getSourceManager().getFileLoc(Loc)});
  }

  const DeclRefExpr *baseRef(const MemberExpr *ME) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    while (const auto *Inner = dyn_cast<MemberExpr>(Base))
      Base = Inner->getBase()->IgnoreParenImpCasts();
    return dyn_cast<DeclRefExpr>(Base);
  }

  void counterUpdate(const Expr *Target, SourceLocation Loc) {
    Target = Target->IgnoreParenImpCasts();
    bool Shared = false;
    if (const auto *ME = dyn_cast<MemberExpr>(Target)) {
      const DeclRefExpr *Ref = baseRef(ME);
      const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      // Fields reached through a pointer or a global outlive the hook;
      // the mapping's own fields (desc->pgoff += n) are its business.
      Shared = (ME->isArrow() || !VD || VD->hasGlobalStorage()) &&
               !(Ref && Ref->getDecl() == Mapping);
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Target)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Shared = VD->hasGlobalStorage();
    }
    if (Shared)
      add("updates a counter that outlives the hook; a merged or failed "
          "mapping would leave it wrong: move it to vm_ops->mapped (7.1+) "
          "or keep .mmap",
          Loc);
  }

  ASTContext &Ctx;
  const ParmVarDecl *Mapping;
};

} // namespace

bool isStateAcquiringCallee(llvm::StringRef Name) {
  if (allocatingCallees().contains(Name) || referenceCallees().contains(Name))
    return true;
  if (Name.starts_with("pm_runtime_get"))
    return true;
  // Kernel convention: foo_get() takes a reference that foo_put() drops.
  return Name.ends_with("_get") && !Name.ends_with("_try_get");
}

std::vector<Reason> findHookState(const FunctionDecl *Hook, ASTContext &Ctx) {
  if (!Hook->hasBody())
    return {};
  StateFinder F(Hook, Ctx);
  F.TraverseStmt(Hook->getBody());
  F.finishLocks();
  return std::move(F.Found);
}

} // namespace mpl
