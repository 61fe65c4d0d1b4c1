//===- ActionLocks.cpp ----------------------------------------------------===//
#include "matchers/ActionLocks.h"
#include "matchers/CallbackAnalyzer.h"
#include "matchers/KernelApi.h"
#include "matchers/SourceText.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

using namespace clang;

namespace mpl {
namespace {

struct LockEvent {
  bool Acquire;
  /// The release's name and the lock object: matches acquire to release.
  std::string Key;
  std::string Object;
};

/// The first argument of the macro invocation that starts at \p Loc (a file
/// location on the macro's name), as written.
std::string firstMacroArgument(SourceLocation Loc, const SourceManager &SM) {
  bool Invalid = false;
  const char *P = SM.getCharacterData(Loc, &Invalid);
  if (Invalid)
    return "";
  while (isAsciiIdentifierContinue(*P))
    ++P;
  while (isWhitespace(*P))
    ++P;
  if (*P != '(')
    return "";
  const char *Begin = ++P;
  for (int Depth = 0; *P; ++P) {
    if (*P == '(' || *P == '[')
      ++Depth;
    else if ((*P == ')' || *P == ']') && Depth > 0)
      --Depth;
    else if ((*P == ',' || *P == ')') && Depth == 0)
      break;
  }
  return llvm::StringRef(Begin, P - Begin).trim().str();
}

std::string lockObject(llvm::StringRef Spelling) {
  return Spelling.trim().ltrim('&').trim().str();
}

/// A lock or unlock call, recognised by the name the source spells (a
/// macro such as spin_lock_irqsave() expands to an inner function whose
/// name is not in the table) or by the function called.
std::optional<LockEvent> lockEventOf(const CallExpr *Call, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto Classify = [&](llvm::StringRef Name,
                      const std::string &Object) -> std::optional<LockEvent> {
    if (const KernelApiEntry *Api = lookupKernelApi(Name);
        Api && Api->Role == ApiRole::Lock)
      return LockEvent{true, std::string(Api->Replacement) + "(" + Object + ")",
                       Object};
    if (isLockRelease(Name))
      return LockEvent{false, Name.str() + "(" + Object + ")", Object};
    return std::nullopt;
  };
  std::string Arg0 =
      Call->getNumArgs()
          ? lockObject(spelledText(Call->getArg(0)->getSourceRange(), Ctx)
                           .value_or(""))
          : "";
  if (std::optional<LockEvent> E = Classify(spelledCalleeName(Call, Ctx), Arg0))
    return E;
  std::string Macro = outermostMacroName(Call->getBeginLoc(), Ctx);
  if (Macro.empty())
    return std::nullopt;
  SourceLocation NameLoc = SM.getExpansionLoc(Call->getBeginLoc());
  return Classify(Macro, lockObject(firstMacroArgument(NameLoc, SM)));
}

/// A statement after which control does not fall through to the next one.
bool leaves(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S) || isa<GotoStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && leaves(CS->body_back());
  return false;
}

/// `guard(mutex)(&l)` and scoped_guard() declare a variable whose cleanup
/// (class_<lock>_destructor) releases the lock at the end of its scope.
std::optional<HeldLock> guardLock(const VarDecl *VD, ASTContext &Ctx) {
  const auto *Cleanup = VD->getAttr<CleanupAttr>();
  const FunctionDecl *Destructor =
      Cleanup ? Cleanup->getFunctionDecl() : nullptr;
  if (!Destructor)
    return std::nullopt;
  llvm::StringRef Class = Destructor->getName();
  if (!Class.consume_front("class_") || !Class.consume_back("_destructor"))
    return std::nullopt;
  if (!Class.contains("lock") && !Class.contains("mutex") &&
      !Class.contains("rwsem") && !Class.contains("rcu") &&
      !Class.contains("sem"))
    return std::nullopt;
  std::string Object;
  if (const auto *Init = dyn_cast_or_null<CallExpr>(
          VD->getInit() ? VD->getInit()->IgnoreParenCasts() : nullptr);
      Init && Init->getNumArgs())
    Object = lockObject(
        spelledText(Init->getArg(0)->getSourceRange(), Ctx).value_or(""));
  std::string Name = "guard(" + Class.str() + ")";
  if (!Object.empty())
    Name += " on " + Object;
  return HeldLock{Name, Ctx.getSourceManager().getFileLoc(VD->getBeginLoc())};
}

class LockWalker {
public:
  LockWalker(ASTContext &Ctx) : Ctx(Ctx) {}

  /// Acquires and releases in \p S that fall through to what follows it.
  void count(const Stmt *S) {
    if (!S || leaves(S))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (std::optional<LockEvent> E = lockEventOf(Call, Ctx)) {
        auto &Entry = Held[Keys.insert(E->Key).first->getKey()];
        if (E->Acquire && Entry.Count++ == 0) {
          Entry.Object = E->Object;
          Entry.Loc = Ctx.getSourceManager().getFileLoc(Call->getBeginLoc());
        } else if (!E->Acquire) {
          --Entry.Count;
        }
        return;
      }
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (std::optional<HeldLock> G = guardLock(VD, Ctx))
            Guards.push_back(*G);
    for (const Stmt *Child : S->children())
      count(Child);
  }

  struct Entry {
    int Count = 0;
    std::string Object;
    SourceLocation Loc;
  };
  /// In the order the locks were first taken.
  llvm::MapVector<llvm::StringRef, Entry, llvm::StringMap<unsigned>> Held;
  llvm::StringSet<> Keys;
  std::vector<HeldLock> Guards;

private:
  ASTContext &Ctx;
};

/// Is there a release with \p Key in \p Body after \p After?
bool releasedAfter(const Stmt *Body, llvm::StringRef Key, SourceLocation After,
                   ASTContext &Ctx) {
  struct Finder : RecursiveASTVisitor<Finder> {
    ASTContext &Ctx;
    llvm::StringRef Key;
    SourceLocation After;
    bool Found = false;
    Finder(ASTContext &Ctx) : Ctx(Ctx) {}
    bool VisitCallExpr(CallExpr *Call) {
      std::optional<LockEvent> E = lockEventOf(Call, Ctx);
      if (E && !E->Acquire && E->Key == Key &&
          Ctx.getSourceManager().isBeforeInTranslationUnit(After,
                                                           Call->getBeginLoc()))
        Found = true;
      return !Found;
    }
  } F(Ctx);
  F.Key = Key;
  F.After = After;
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

class SharedReadFinder {
public:
  SharedReadFinder(const FunctionDecl *Fn, const ParmVarDecl *Mapping)
      : Fn(Fn), Mapping(Mapping) {}

  bool reads(const Expr *E, unsigned Depth = 0) {
    if (!E)
      return false;
    E = E->IgnoreParenCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const Expr *Base = baseThroughAnonymous(ME);
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Base);
          Ref && Ref->getDecl() == Mapping)
        return false;
      if (ME->isArrow())
        return true;
      return reads(Base, Depth);
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_Deref)
      return true;
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      if (ASE->getBase()->IgnoreParenImpCasts()->getType()->isPointerType() &&
          !isa<DeclRefExpr>(ASE->getBase()->IgnoreParenImpCasts()))
        return true;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
      if (!VD || isa<ParmVarDecl>(VD))
        return false;
      if (VD->hasGlobalStorage())
        return !VD->getType().isConstQualified();
      return Depth < 4 && writtenFromShared(VD, Depth + 1);
    }
    for (const Stmt *Child : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child))
        if (reads(CE, Depth))
          return true;
    return false;
  }

private:
  /// A local whose initialiser or any assignment reads shared memory.
  bool writtenFromShared(const VarDecl *VD, unsigned Depth) {
    if (!Visiting.insert(VD).second)
      return false;
    bool Result = reads(VD->getInit(), Depth);
    struct Stores : RecursiveASTVisitor<Stores> {
      const VarDecl *VD;
      std::vector<const Expr *> Values;
      bool VisitBinaryOperator(BinaryOperator *BO) {
        const auto *Ref =
            dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts());
        if (BO->isAssignmentOp() && Ref && Ref->getDecl() == VD)
          Values.push_back(BO->getRHS());
        return true;
      }
    } S;
    S.VD = VD;
    if (!Result && Fn->hasBody())
      S.TraverseStmt(Fn->getBody());
    for (const Expr *V : S.Values)
      if (!Result && reads(V, Depth))
        Result = true;
    Visiting.erase(VD);
    return Result;
  }

  const FunctionDecl *Fn;
  const ParmVarDecl *Mapping;
  llvm::SmallPtrSet<const VarDecl *, 8> Visiting;
};

} // namespace

std::vector<HeldLock> locksReleasedAfter(const FunctionDecl *Fn, const Stmt *At,
                                         ASTContext &Ctx) {
  const Stmt *Body = Fn->getBody();
  if (!Body)
    return {};
  // The chain of statements from the body down to At.
  std::vector<const Stmt *> Chain{At};
  while (Chain.back() != Body) {
    auto Parents = Ctx.getParents(*Chain.back());
    const Stmt *P = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!P)
      return {};
    Chain.push_back(P);
  }
  LockWalker Walker(Ctx);
  for (size_t I = Chain.size() - 1; I > 0; --I) {
    const Stmt *Parent = Chain[I], *Child = Chain[I - 1];
    if (const auto *CS = dyn_cast<CompoundStmt>(Parent)) {
      for (const Stmt *S : CS->body()) {
        if (S == Child)
          break;
        Walker.count(S);
      }
    } else if (const auto *For = dyn_cast<ForStmt>(Parent)) {
      // scoped_guard(): a for loop whose init declares the guard.
      if (For->getInit() && For->getInit() != Child)
        Walker.count(For->getInit());
    } else if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (Child != If->getCond())
        Walker.count(If->getCond());
    }
  }
  std::vector<HeldLock> Result = Walker.Guards;
  SourceLocation After = At->getEndLoc();
  for (const auto &E : Walker.Held)
    if (E.second.Count > 0 && releasedAfter(Body, E.first, After, Ctx))
      Result.push_back(
          {E.second.Object.empty() ? E.first.str() : E.second.Object,
           E.second.Loc});
  return Result;
}

const Expr *argumentFromSharedMemory(const CallExpr *Call, unsigned First,
                                     const FunctionDecl *Fn,
                                     const ParmVarDecl *Mapping) {
  SharedReadFinder Finder(Fn, Mapping);
  for (unsigned I = First; I < Call->getNumArgs(); ++I)
    if (Finder.reads(Call->getArg(I)))
      return Call->getArg(I);
  return nullptr;
}

bool isScopedGuard(const ForStmt *For) {
  const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
  if (!Init)
    return false;
  for (const Decl *D : Init->decls())
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (const auto *Cleanup = VD->getAttr<CleanupAttr>())
        if (const FunctionDecl *Destructor = Cleanup->getFunctionDecl())
          if (Destructor->getName().starts_with("class_"))
            return true;
  return false;
}

std::string lockNames(const std::vector<HeldLock> &Locks) {
  std::vector<std::string> Names;
  for (const HeldLock &L : Locks)
    Names.push_back(L.Name);
  return llvm::join(Names, " and ");
}

} // namespace mpl
