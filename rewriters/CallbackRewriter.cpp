//===- CallbackRewriter.cpp - render a CallbackModel as edits -------------===//
//
// Leaf rewrites (vma->vm_pgoff -> desc->pgoff, flag calls) are collected
// first. A structural rewrite (a remap statement becoming an action) renders
// its arguments with the leaves inside it applied and absorbs them, so no
// two edits ever overlap.
//
//===----------------------------------------------------------------------===//
#include "rewriters/CallbackRewriter.h"
#include "matchers/AstUtils.h"
#include "matchers/KernelApi.h"
#include "matchers/SourceText.h"
#include "rewriters/KernelDoc.h"
#include "rewriters/Layout.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <cstring>

using namespace clang;

namespace mpl {
namespace {

class CallbackRewriter {
public:
  CallbackRewriter(const RewriteRequest &Req, ASTContext &Ctx)
      : Req(Req), M(*Req.Model), Ctx(Ctx), SM(Ctx.getSourceManager()),
        D(Req.DescName) {}

  RewriteResult run() {
    if (Req.LibraryHandler)
      return runLibraryHandler(*Req.LibraryHandler);
    if (Req.SitesOnly)
      return runSitesOnly();
    for (const LeafUse &L : M.Leaves)
      if (L.K != LeafUse::Twin)
        addLeaf(L);
    // Twins render their arguments with the leaves inside them applied.
    for (const LeafUse &L : M.Leaves)
      if (L.K == LeafUse::Twin)
        addTwin(L);
    for (const MapAction &A : M.Actions) {
      rewriteAction(A);
      if (A.ProtLocal)
        foldProtLocal(*A.ProtLocal);
    }
    for (const IfStmt *If : M.NullTests)
      removeStatement(If);
    if (M.Definition)
      dropBracesOfRewrittenIfs();
    dropOrphanedLocals();
    if (!Req.LeavesOnly) {
      rewriteSignatures();
      addFilePrologue();
    }
    if (Req.RetypeVmaParam)
      retypeVmaParam();
    for (const CallbackModel &Helper : M.Helpers)
      rewriteHelper(Helper);
    for (SourceLocation Loc : Req.SlotFieldTokens)
      renameSlot(Loc);
    for (SourceLocation Loc : Req.CallbackRefTokens)
      replaceToken(Loc, Req.NewName);
    for (Pending &P : Leaves)
      if (!P.Consumed)
        emit(P.Range, P.Text);

    return finish();
  }

private:
  /// `.mmap = generic_file_mmap` -> `.mmap_prepare =
  /// generic_file_mmap_prepare`.
  RewriteResult runLibraryHandler(const KernelApiEntry &Api) {
    if (Api.MinLevel > Req.Level)
      fail(ReasonCode::NeedsNewerApi,
           std::string(Api.Name) + "() has a descriptor twin only from " +
               ApiLevel{Api.MinLevel}.str(),
           anchor());
    for (SourceLocation Loc : Req.SlotFieldTokens)
      renameSlot(Loc);
    for (SourceLocation Loc : Req.CallbackRefTokens)
      replaceToken(Loc, helper(Api.Replacement));
    return finish();
  }

  /// The definition is converted in its own unit; this one renames what
  /// it sees of the callback (the same prototype edits as there).
  RewriteResult runSitesOnly() {
    rewriteSignatures();
    for (SourceLocation Loc : Req.SlotFieldTokens)
      renameSlot(Loc);
    for (SourceLocation Loc : Req.CallbackRefTokens)
      replaceToken(Loc, Req.NewName);
    return finish();
  }

  SourceLocation anchor() const {
    if (M.Definition)
      return M.Definition->getLocation();
    return Req.SlotFieldTokens.empty() ? SourceLocation()
                                       : Req.SlotFieldTokens.front();
  }

  RewriteResult finish() {
    if (Req.MustBeDeclared)
      for (const std::string &Helper : Result.HelpersUsed)
        if (!Req.MustBeDeclared->declares(Helper))
          fail(ReasonCode::HelperUndeclared,
               "this translation unit's headers do not declare " + Helper +
                   "(); pass --api=<level> to emit it anyway",
               anchor());
    if (!Result.Reasons.empty())
      Result.Edits.clear();
    dropBlankLineAfterOpenBrace();
    if (Req.LayOut)
      Result.Edits =
          layoutEdits(std::move(Result.Edits), SM, Ctx.getLangOpts());
    std::sort(Result.Edits.begin(), Result.Edits.end());
    Result.Edits.erase(std::unique(Result.Edits.begin(), Result.Edits.end()),
                       Result.Edits.end());
    return std::move(Result);
  }

  /// Removed lines between a block's `{` (or a blank line) and a blank
  /// line would leave that blank line first in the block (or two blank
  /// lines in a row): it goes with them.
  void dropBlankLineAfterOpenBrace() {
    std::vector<Edit *> Removals;
    for (Edit &E : Result.Edits)
      if (E.Text.empty() && E.Length > 0 && E.Range.isValid())
        Removals.push_back(&E);
    std::sort(Removals.begin(), Removals.end(),
              [](const Edit *A, const Edit *B) { return *A < *B; });
    for (size_t I = 0; I < Removals.size();) {
      size_t J = I;
      while (J + 1 < Removals.size() &&
             Removals[J + 1]->File == Removals[J]->File &&
             Removals[J + 1]->Offset ==
                 Removals[J]->Offset + Removals[J]->Length)
        ++J;
      Edit &First = *Removals[I], &Last = *Removals[J];
      I = J + 1;
      StringRef Buffer = SM.getBufferData(SM.getFileID(First.Range.getBegin()));
      unsigned End = Last.Offset + Last.Length;
      bool WholeLines =
          (First.Offset == 0 || Buffer[First.Offset - 1] == '\n') && End > 0 &&
          Buffer[End - 1] == '\n';
      StringRef Before = Buffer.substr(0, First.Offset);
      bool AfterBlank = Before.ends_with("\n\n");
      if (!WholeLines || End >= Buffer.size() || Buffer[End] != '\n' ||
          !(AfterBlank || Before.rtrim().ends_with("{")))
        continue;
      // Code written after the brace (the `struct file *` prologue) keeps
      // the blank line below it.
      unsigned Brace = AfterBlank ? First.Offset : Before.rtrim().size() - 1;
      bool Edited = llvm::any_of(Result.Edits, [&](const Edit &E) {
        return E.File == Last.File &&
               (E.Offset == End || (!E.Text.empty() && E.Offset > Brace &&
                                    E.Offset <= First.Offset));
      });
      if (Edited)
        continue;
      ++Last.Length;
      Last.Range.setEnd(Last.Range.getEnd().getLocWithOffset(1));
    }
  }

  struct Pending {
    CharSourceRange Range;
    unsigned Begin, End;
    std::string Text;
    bool Consumed = false;
  };

  void fail(ReasonCode Code, Classification Severity, std::string Message,
            SourceLocation Loc) {
    for (const Reason &R : Result.Reasons)
      if (R.Code == Code && R.Message == Message)
        return;
    Result.Reasons.push_back({Code, Severity, std::move(Message), Loc});
  }
  void fail(ReasonCode Code, std::string Message, SourceLocation Loc) {
    fail(Code, reasonInfo(Code).Severity, std::move(Message), Loc);
  }

  std::string helper(const std::string &Name) {
    if (std::find(Result.HelpersUsed.begin(), Result.HelpersUsed.end(), Name) ==
        Result.HelpersUsed.end())
      Result.HelpersUsed.push_back(Name);
    return Name;
  }

  std::optional<CharSourceRange> range(const Stmt *S) {
    auto R = spelledFileRange(S->getSourceRange(), Ctx);
    if (!R)
      fail(ReasonCode::MacroSpelled,
           "code to rewrite is spelled inside a macro",
           SM.getExpansionLoc(S->getBeginLoc()));
    return R;
  }

  /// `(vma->vm_end - vma->vm_start)` becomes `vma_desc_size(desc)`: the
  /// parentheses the subtraction needed go with it (not those of `sizeof
  /// (...)`).
  const Expr *withRedundantParens(const LeafUse &L) {
    const Expr *E = L.E;
    if (L.K != LeafUse::Size)
      return E;
    while (true) {
      auto Parents = Ctx.getParents(*E);
      const auto *Paren =
          Parents.empty() ? nullptr : Parents[0].get<ParenExpr>();
      if (!Paren)
        return E;
      auto Up = Ctx.getParents(*Paren);
      if (!Up.empty() && Up[0].get<UnaryExprOrTypeTraitExpr>())
        return E;
      E = Paren;
    }
  }

  void addLeaf(const LeafUse &L) {
    auto R = range(withRedundantParens(L));
    if (R && L.SpanEnd) {
      // Adjacent flag tests inside a longer chain: `A && B` of `x && A && B`.
      auto End = range(L.SpanEnd);
      if (!End)
        return;
      R->setEnd(End->getEnd());
    }
    if (!R)
      return;
    std::string Text = leafText(L);
    if (Text.empty())
      return;
    Leaves.push_back({*R, SM.getFileOffset(R->getBegin()),
                      SM.getFileOffset(R->getEnd()), Text});
  }

  /// The twin exists at the target level; otherwise the rewrite fails.
  bool twinAvailable(const KernelApiEntry &Api, SourceLocation Loc) {
    if (Api.MinLevel <= Req.Level)
      return true;
    fail(ReasonCode::NeedsNewerApi,
         std::string(Api.Name) + "() has a descriptor twin only from " +
             ApiLevel{Api.MinLevel}.str() + " (" + Api.Replacement + ")",
         Loc);
    return false;
  }

  /// generic_file_mmap(file, vma) -> generic_file_mmap_prepare(desc): the
  /// vma becomes the descriptor, the file goes (the twin reads desc->file),
  /// a vm_flags word becomes the descriptor or &desc->vma_flags, and other
  /// arguments are kept with their own leaves applied.
  void addTwin(const LeafUse &L) {
    const auto *Call = cast<CallExpr>(L.E);
    if (L.MacroInvocation)
      return addTwinInvocation(L);
    auto R = range(Call);
    if (!R)
      return;
    const KernelApiEntry &Api = *L.Api;
    if (!twinAvailable(Api, Call->getBeginLoc()))
      return;
    unsigned TwinArity = Call->getNumArgs() + (Api.TwinExtraArg ? 1 : 0) -
                         (Api.argIndex(ArgRole::File) >= 0 ? 1 : 0);
    if (Api.SameNameNewForm && Req.MustBeDeclared &&
        !Req.MustBeDeclared->takesNewForm(Api.Name, TwinArity))
      fail(ReasonCode::HelperUndeclared,
           "this tree's headers declare " + std::string(Api.Name) +
               "() without its descriptor form",
           Call->getBeginLoc());
    std::vector<std::string> Args;
    for (unsigned I = 0; I < Call->getNumArgs() && I < Api.Args.size(); ++I) {
      switch (Api.Args[I]) {
      case ArgRole::Vma:
        Args.push_back(D);
        if (Api.TwinExtraArg) {
          std::string Extra = Api.TwinExtraArg;
          size_t At = Extra.find("%D");
          Extra.replace(At, 2, D);
          Args.push_back(Extra);
        }
        break;
      case ArgRole::File:
        break;
      case ArgRole::VmFlags:
        Args.push_back(Api.TwinTakesFlags ? "&" + D + "->vma_flags" : D);
        break;
      default: {
        const Expr *Arg = Call->getArg(I);
        auto Text = renderExpr(Arg);
        if (!Text)
          return;
        Args.push_back(*Text);
        if (auto KR = spelledFileRange(Arg->getSourceRange(), Ctx))
          KeptRanges.push_back({SM.getFileOffset(KR->getBegin()),
                                SM.getFileOffset(KR->getEnd())});
        break;
      }
      }
    }
    unsigned Begin = SM.getFileOffset(R->getBegin());
    unsigned End = SM.getFileOffset(R->getEnd());
    ReplacedRanges.push_back({Begin, End});
    Leaves.push_back({*R, Begin, End, call(Api.Replacement, Args)});
  }

  /// vma_set_flags(vma, A, B) -> vma_desc_set_flags(desc, A, B): the
  /// macro's name and its first argument (the vma) change, the rest is kept
  /// as written.
  void addTwinInvocation(const LeafUse &L) {
    const auto *Call = cast<CallExpr>(L.E);
    const KernelApiEntry &Api = *L.Api;
    if (!twinAvailable(Api, SM.getExpansionLoc(Call->getBeginLoc())))
      return;
    auto R = range(Call);
    std::optional<CharSourceRange> Vma =
        spelledFileRange(Call->getArg(0)->getSourceRange(), Ctx);
    if (!R || !Vma)
      return;
    unsigned Begin = SM.getFileOffset(R->getBegin());
    unsigned End = SM.getFileOffset(R->getEnd());
    unsigned ArgBegin = SM.getFileOffset(Vma->getBegin());
    unsigned ArgEnd = SM.getFileOffset(Vma->getEnd());
    StringRef Buffer = SM.getBufferData(SM.getFileID(R->getBegin()));
    StringRef Open = Buffer.slice(Begin, ArgBegin);
    size_t Paren = Open.find('(');
    if (Paren == StringRef::npos || ArgEnd > End)
      return fail(ReasonCode::MacroSpelled,
                  "code to rewrite is spelled inside a macro",
                  SM.getExpansionLoc(Call->getBeginLoc()));
    std::string Text = std::string(Api.Replacement) + Open.substr(Paren).str() +
                       D + Buffer.slice(ArgEnd, End).str();
    helper(Api.Replacement);
    ReplacedRanges.push_back({Begin, End});
    Leaves.push_back({*R, Begin, End, Text});
  }

  std::string fieldName(VmaField F) {
    switch (F) {
    case VmaField::Start:
      return "start";
    case VmaField::End:
      return "end";
    case VmaField::Pgoff:
      return "pgoff";
    case VmaField::PageProt:
      return "page_prot";
    case VmaField::VmOps:
      return "vm_ops";
    case VmaField::PrivateData:
      return "private_data";
    case VmaField::VmFile:
      return "vm_file";
    case VmaField::Mm:
      return "mm";
    case VmaField::Flags:
      return "vma_flags";
    }
    return "";
  }

  /// Visual column (tabs of 8) of offset \p Pos, as kernel style measures.
  static unsigned visualColumn(StringRef Buffer, size_t Pos) {
    size_t LineStart = Buffer.rfind('\n', Pos == 0 ? 0 : Pos - 1);
    LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
    return visualWidth(Buffer.slice(LineStart, Pos));
  }

  /// `Name(args...)` on one line; rewriters/Layout.cpp wraps the line
  /// when it passes the file's width.
  std::string call(const std::string &Name,
                   const std::vector<std::string> &Args) {
    helper(Name);
    return Name + "(" + llvm::join(Args, ", ") + ")";
  }

  std::vector<std::string> withDesc(const std::vector<std::string> &Bits) {
    std::vector<std::string> Args{D};
    if (Req.MustBeDeclared)
      for (const std::string &Bit : Bits)
        if (!Req.MustBeDeclared->declares(Bit))
          fail(ReasonCode::HelperUndeclared,
               "this translation unit's headers do not declare " + Bit,
               anchor());
    Args.insert(Args.end(), Bits.begin(), Bits.end());
    return Args;
  }

  std::string leafText(const LeafUse &L) {
    SourceLocation Loc = L.E->getBeginLoc();
    switch (L.K) {
    case LeafUse::Field:
      return D + "->" + fieldName(L.FieldName);
    case LeafUse::Size:
      return call("vma_desc_size", {D});
    case LeafUse::Twin:
      return ""; // addTwin()
    case LeafUse::VmaArg:
      return D;
    case LeafUse::FlagTestAny:
    case LeafUse::FlagTestAll: {
      std::string Not = L.Negated ? "!" : "";
      std::string Test = flagTest(L.K == LeafUse::FlagTestAll, L.Bits, Loc);
      return Test.empty() ? "" : Not + Test;
    }
    case LeafUse::FlagCompare:
      return flagCompare(L, Loc);
    case LeafUse::FlagWord:
      if (Req.Level < 701) {
        fail(ReasonCode::NeedsNewerApi,
             "vm_flags is used as a value; vma_flags_to_legacy() exists "
             "from 7.1",
             Loc);
        return "";
      }
      return helper("vma_flags_to_legacy") + "(" + D + "->vma_flags)";
    case LeafUse::FlagSet:
    case LeafUse::FlagClear:
      if (L.Bits.empty()) {
        fail(ReasonCode::FlagsExpression, "the flag mask is empty (VM_NONE)",
             Loc);
        return "";
      }
      return call(L.K == LeafUse::FlagSet ? "vma_desc_set_flags"
                                          : "vma_desc_clear_flags",
                  withDesc(L.Bits));
    case LeafUse::FlagMod: {
      std::vector<std::string> Parts;
      if (!L.Bits.empty())
        Parts.push_back(call("vma_desc_set_flags", withDesc(L.Bits)));
      if (!L.ClearBits.empty())
        Parts.push_back(call("vma_desc_clear_flags", withDesc(L.ClearBits)));
      if (Parts.empty()) {
        fail(ReasonCode::FlagsExpression, "vm_flags_mod() with two empty masks",
             Loc);
        return "";
      }
      return llvm::join(Parts, ";\n" + indentationAt(Loc, Ctx));
    }
    case LeafUse::FlagReset: {
      std::string Lhs = D + "->vma_flags = ";
      if (L.Bits.empty())
        return Lhs + helper("EMPTY_VMA_FLAGS");
      std::vector<std::string> Bits = withDesc(L.Bits);
      Bits.erase(Bits.begin());
      return Lhs + call("mk_vma_flags", Bits);
    }
    }
    return "";
  }

  /// vma_desc_test(desc, A), vma_desc_test_any(desc, A, B) or, with \p All,
  /// vma_desc_test_all(desc, A, B), as the target level spells them.
  std::string flagTest(bool All, const std::vector<std::string> &Bits,
                       SourceLocation Loc) {
    if (Req.Level == 700 && All && Bits.size() > 1) {
      fail(ReasonCode::NeedsNewerApi,
           "testing several flags at once needs vma_desc_test_all() (7.1+)",
           Loc);
      return "";
    }
    return call(flagTestHelper(Req.Level, All, Bits.size()), withDesc(Bits));
  }

  /// (flags & M) == V: every bit of V set and every other bit of M clear;
  /// != V is its negation.
  std::string flagCompare(const LeafUse &L, SourceLocation Loc) {
    std::vector<std::string> Parts;
    if (!L.Negated) {
      if (!L.Bits.empty())
        Parts.push_back(flagTest(true, L.Bits, Loc));
      if (!L.ClearBits.empty())
        Parts.push_back("!" + flagTest(false, L.ClearBits, Loc));
    } else {
      if (!L.Bits.empty())
        Parts.push_back("!" + flagTest(true, L.Bits, Loc));
      if (!L.ClearBits.empty())
        Parts.push_back(flagTest(false, L.ClearBits, Loc));
    }
    for (const std::string &P : Parts)
      if (P.empty() || P == "!")
        return "";
    if (Parts.size() == 1)
      return Parts.front();
    // One line: rewriters/Layout.cpp breaks it after the operator when it
    // passes the file's width.
    bool Parens = needsParens(L.E);
    std::string Out = llvm::join(Parts, L.Negated ? " || " : " && ");
    return Parens ? "(" + Out + ")" : Out;
  }

  /// A `a || b` put where \p E was needs parentheses unless E stands alone
  /// as a condition, a return value or inside parentheses already.
  bool needsParens(const Expr *E) {
    auto Parents = Ctx.getParents(*E);
    if (Parents.empty())
      return true;
    if (Parents[0].get<ParenExpr>() || Parents[0].get<ReturnStmt>())
      return false;
    if (const auto *If = Parents[0].get<IfStmt>())
      return If->getCond() != E;
    if (const auto *W = Parents[0].get<WhileStmt>())
      return W->getCond() != E;
    return true;
  }

  /// The original text of \p R with every leaf inside it applied.
  std::string render(CharSourceRange R, bool Consume = true) {
    unsigned Begin = SM.getFileOffset(R.getBegin());
    unsigned End = SM.getFileOffset(R.getEnd());
    StringRef Buffer = SM.getBufferData(SM.getFileID(R.getBegin()));
    std::string Out;
    unsigned Cursor = Begin;
    std::vector<Pending *> Inside;
    for (Pending &P : Leaves)
      if (P.Begin >= Begin && P.End <= End)
        Inside.push_back(&P);
    std::sort(
        Inside.begin(), Inside.end(),
        [](const Pending *A, const Pending *B) { return A->Begin < B->Begin; });
    for (Pending *P : Inside) {
      if (P->Begin < Cursor)
        continue; // nested in a leaf already applied
      Out += Buffer.substr(Cursor, P->Begin - Cursor);
      Out += P->Text;
      Cursor = P->End;
      P->Consumed |= Consume;
    }
    Out += Buffer.substr(Cursor, End - Cursor);
    return Out;
  }

  std::optional<std::string> renderExpr(const Expr *E) {
    auto R = range(E);
    if (!R)
      return std::nullopt;
    return render(*R);
  }

  /// `if (cond) {` + one one-line statement + `}` with a rewritten
  /// condition that now fits on one line: checkpatch wants no braces there
  /// (BRACES), so they go with the rewrite (guest_memfd's flag test, two
  /// lines before, one after).
  void dropBracesOfRewrittenIfs() {
    struct Ifs : RecursiveASTVisitor<Ifs> {
      std::vector<const IfStmt *> All;
      bool VisitIfStmt(IfStmt *If) {
        All.push_back(If);
        return true;
      }
    } V;
    V.TraverseStmt(M.Definition->getBody());
    for (const IfStmt *If : V.All)
      dropBraces(If);
  }

  void dropBraces(const IfStmt *If) {
    const auto *Then = dyn_cast<CompoundStmt>(If->getThen());
    if (If->getElse() || !Then || Then->size() != 1 ||
        isa<IfStmt, ForStmt, WhileStmt, DoStmt, SwitchStmt, CompoundStmt>(
            Then->body_front()))
      return;
    SourceLocation Begin = If->getBeginLoc(), RParen = If->getRParenLoc(),
                   LBrace = Then->getLBracLoc(), RBrace = Then->getRBracLoc();
    const Stmt *Only = Then->body_front();
    for (SourceLocation L : {Begin, RParen, LBrace, RBrace})
      if (!L.isFileID())
        return;
    SourceLocation OnlyBegin = SM.getExpansionLoc(Only->getBeginLoc()),
                   OnlyEnd = SM.getExpansionLoc(Only->getEndLoc());
    unsigned CondBegin = SM.getFileOffset(Begin),
             CondEnd = SM.getFileOffset(RParen);
    unsigned RBraceAt = SM.getFileOffset(RBrace);
    StringRef Buffer = SM.getBufferData(SM.getFileID(Begin));
    bool Rewritten = llvm::any_of(Leaves, [&](const Pending &P) {
      return !P.Consumed && P.Begin >= CondBegin && P.End <= CondEnd;
    });
    bool Replaced = llvm::any_of(ReplacedRanges, [&](const auto &R) {
      return R.first <= RBraceAt && R.second > CondBegin;
    });
    if (Replaced || RBraceAt + 1 >= Buffer.size() ||
        Buffer[RBraceAt + 1] != '\n')
      return;
    unsigned Line = SM.getSpellingLineNumber(LBrace);
    if (!Rewritten || SM.getSpellingLineNumber(RParen) != Line ||
        SM.getSpellingLineNumber(OnlyBegin) != Line + 1 ||
        SM.getSpellingLineNumber(OnlyEnd) != Line + 1 ||
        SM.getSpellingLineNumber(RBrace) != Line + 2)
      return;
    SourceLocation AfterRParen = RParen.getLocWithOffset(1);
    std::string Head = render(CharSourceRange::getCharRange(Begin, AfterRParen),
                              /*Consume=*/false);
    std::string Indent = indentationAt(Begin, Ctx);
    if (!FileWidth)
      FileWidth = lineWidthOf(Buffer);
    if (StringRef(Head).contains('\n') ||
        visualWidth(Head, visualWidth(Indent)) > *FileWidth)
      return; // the layout keeps it on two lines: braces allowed
    // ` {` after the condition, and the line of `}`.
    emit(CharSourceRange::getCharRange(AfterRParen, LBrace.getLocWithOffset(1)),
         "");
    unsigned LineStart = RBraceAt;
    while (LineStart > 0 &&
           (Buffer[LineStart - 1] == ' ' || Buffer[LineStart - 1] == '\t'))
      --LineStart;
    unsigned LineEnd = RBraceAt + 2; // with its newline
    SourceLocation FileStart = SM.getLocForStartOfFile(SM.getFileID(RBrace));
    emit(CharSourceRange::getCharRange(FileStart.getLocWithOffset(LineStart),
                                       FileStart.getLocWithOffset(LineEnd)),
         "");
  }

  /// Extends a statement's range over its trailing semicolon.
  CharSourceRange withSemicolon(CharSourceRange R) {
    Token Tok;
    if (!Lexer::getRawToken(R.getEnd(), Tok, SM, Ctx.getLangOpts(),
                            /*IgnoreWhiteSpace=*/true) &&
        Tok.is(tok::semi))
      R.setEnd(Tok.getEndLoc());
    return R;
  }

  /// Removes a statement; whole lines when it stands alone on them.
  void removeStatement(const Stmt *S) {
    auto R = range(S);
    if (!R)
      return;
    CharSourceRange Full = withSemicolon(*R);
    unsigned Begin = SM.getFileOffset(Full.getBegin());
    unsigned End = SM.getFileOffset(Full.getEnd());
    StringRef Buffer = SM.getBufferData(SM.getFileID(Full.getBegin()));
    unsigned LineBegin = Begin;
    while (LineBegin > 0 &&
           (Buffer[LineBegin - 1] == ' ' || Buffer[LineBegin - 1] == '\t'))
      --LineBegin;
    unsigned LineEnd = End;
    while (LineEnd < Buffer.size() &&
           (Buffer[LineEnd] == ' ' || Buffer[LineEnd] == '\t'))
      ++LineEnd;
    bool OwnLines = (LineBegin == 0 || Buffer[LineBegin - 1] == '\n') &&
                    LineEnd < Buffer.size() && Buffer[LineEnd] == '\n';
    if (OwnLines) {
      Begin = LineBegin;
      End = LineEnd + 1;
      // Do not leave a blank line before the closing brace.
      StringRef Rest = Buffer.substr(End).ltrim(" \t");
      if (Rest.starts_with("}") && Begin >= 2 && Buffer[Begin - 1] == '\n' &&
          Buffer[Begin - 2] == '\n')
        --Begin;
    }
    ReplacedRanges.push_back({Begin, End});
    FileID FID = SM.getFileID(Full.getBegin());
    SourceLocation FileStart = SM.getLocForStartOfFile(FID);
    // Absorb leaves inside the removed text.
    render(CharSourceRange::getCharRange(FileStart.getLocWithOffset(Begin),
                                         FileStart.getLocWithOffset(End)));
    emit(CharSourceRange::getCharRange(FileStart.getLocWithOffset(Begin),
                                       FileStart.getLocWithOffset(End)),
         "");
  }

  /// A page-table call becomes its action's lines (a page protection
  /// first, the `mmap_action_*()` call, the error override, `return 0;`),
  /// written over the statements it replaces.
  void rewriteAction(const MapAction &A) {
    SourceLocation Loc = A.Call->getBeginLoc();
    std::vector<std::string> Lines;
    if (A.Prot && !A.ProtLocal) {
      auto Prot = renderExpr(A.Prot);
      if (!Prot)
        return;
      Lines.push_back(D + "->page_prot = " + *Prot + ";");
    }
    std::vector<std::string> Args;
    for (const Expr *Arg : A.Args) {
      auto Text = renderExpr(Arg);
      if (!Text)
        return;
      Args.push_back(*Text);
    }
    if (A.Api->MinLevel > Req.Level)
      return fail(ReasonCode::NeedsNewerApi, Classification::Blocked,
                  A.CalleeName + "() has a prepare-time twin only from " +
                      ApiLevel{A.Api->MinLevel}.str() + " (" +
                      A.Api->Replacement + ")",
                  Loc);
    // Arguments the action keeps; their variables stay alive.
    std::vector<const Expr *> Kept;
    if (A.Prot && !A.ProtLocal)
      Kept.push_back(A.Prot);
    if (!addActionCall(A, Args, Kept, Lines))
      return;
    if (!A.ErrorOverride.empty()) {
      if (Req.Level < 702)
        return fail(ReasonCode::ErrorMapping,
                    A.CalleeName + "() failure is reported as " +
                        A.ErrorOverride +
                        "; mmap actions take an error override only from 7.2 "
                        "(action.error_override)",
                    Loc);
      Lines.push_back(D + "->action.error_override = " + A.ErrorOverride + ";");
    }
    if (A.Use == ResultUse::Returned)
      Lines.push_back("return 0;");
    replaceWithAction(A, Lines, Kept);
  }

  /// `pgprot_t prot = vma->vm_page_prot; prot = pgprot_noncached(prot);`
  /// becomes `desc->page_prot = pgprot_noncached(desc->page_prot);`: the
  /// local goes, its steps work on the descriptor the action maps with.
  void foldProtLocal(const ProtTemporary &T) {
    std::string PageProt = D + "->page_prot";
    llvm::DenseSet<unsigned> Seen;
    for (const DeclRefExpr *Ref : T.Rewritten) {
      auto R = range(Ref);
      if (!R || !Seen.insert(SM.getFileOffset(R->getBegin())).second)
        continue;
      Leaves.push_back({*R, SM.getFileOffset(R->getBegin()),
                        SM.getFileOffset(R->getEnd()), PageProt});
    }
    if (T.SourceAssignment)
      removeStatement(T.SourceAssignment);
    removeStatement(T.Decl);
    Dropped.insert(T.Var);
  }

  /// The `mmap_action_*()` call of \p A's kind (and the check that moves
  /// into the hook with it), from the rendered \p Args.
  bool addActionCall(const MapAction &A, const std::vector<std::string> &Args,
                     std::vector<const Expr *> &Kept,
                     std::vector<std::string> &Lines) {
    const Stmt *First = A.Replaced.front();
    auto Use = [&](unsigned I) {
      Kept.push_back(A.Args[I]);
      return Args[I];
    };
    switch (A.Kind) {
    case ActionKind::Remap:
    case ActionKind::IoRemap: {
      std::string Base = A.Kind == ActionKind::Remap ? "mmap_action_remap"
                                                     : "mmap_action_ioremap";
      if (A.WholeMapping)
        Lines.push_back(call(Base + "_full", {D, Use(1)}) + ";");
      else
        Lines.push_back(call(Base, {D, Use(0), Use(1), Use(2)}) + ";");
      return true;
    }
    case ActionKind::SimpleIoRemap:
      Lines.push_back(call("mmap_action_simple_ioremap", {D, Use(0), Use(1)}) +
                      ";");
      return true;
    case ActionKind::MapPages:
    case ActionKind::MapPagesZero: {
      // vm_map_pages[_zero]() refused a mapping its array could not fill;
      // the action trusts its caller, so the check moves into the hook.
      // map_kernel_pages ignores pgoff (kernel-api.md 6a): vm_map_pages(),
      // which honours it, starts the array at desc->pgoff.
      if (A.Args[0]->HasSideEffects(Ctx) || A.Args[1]->HasSideEffects(Ctx)) {
        fail(ReasonCode::RemapResultUse,
             A.CalleeName + "() arguments have side effects",
             A.Call->getBeginLoc());
        return false;
      }
      std::string Indent = indentationAt(First->getBeginLoc(), Ctx);
      Use(0);
      std::string Fail =
          "\n" + Indent + "\treturn " +
          (A.ErrorOverride.empty() ? "-ENXIO" : A.ErrorOverride) + ";";
      std::string Pages = helper("vma_desc_pages") + "(" + D + ")";
      if (A.Kind == ActionKind::MapPages) {
        Lines.push_back("if (" + D + "->pgoff >= " + Use(1) + " ||\n" + Indent +
                        "    " + Pages + " > " + Args[1] + " - " + D +
                        "->pgoff)" + Fail);
        Lines.push_back(call("mmap_action_map_kernel_pages_full",
                             {D, Args[0] + " + " + D + "->pgoff"}) +
                        ";");
      } else {
        Lines.push_back("if (!" + Use(1) + " || " + Pages + " > " + Args[1] +
                        ")" + Fail);
        Lines.push_back(
            call("mmap_action_map_kernel_pages_full", {D, Args[0]}) + ";");
      }
      return true;
    }
    }
    return false;
  }

  /// Writes \p Lines over the first replaced statement (in braces when it
  /// is the body of an `if`), removes the others and the result variable.
  void replaceWithAction(const MapAction &A,
                         const std::vector<std::string> &Lines,
                         const std::vector<const Expr *> &Kept) {
    const Stmt *First = A.Replaced.front();
    auto R = range(First);
    if (!R)
      return;
    bool NeedsBraces = false;
    if (auto Parents = Ctx.getParents(*First); !Parents.empty())
      NeedsBraces =
          !Parents[0].get<CompoundStmt>() && A.Use == ResultUse::Returned;
    std::string Indent = indentationAt(First->getBeginLoc(), Ctx);
    CharSourceRange Full = withSemicolon(*R);
    render(Full); // absorb the leaves of the replaced statement
    ReplacedRanges.push_back(
        {SM.getFileOffset(Full.getBegin()), SM.getFileOffset(Full.getEnd())});
    for (const Expr *E : Kept)
      if (auto KR = spelledFileRange(E->getSourceRange(), Ctx))
        KeptRanges.push_back(
            {SM.getFileOffset(KR->getBegin()), SM.getFileOffset(KR->getEnd())});
    if (NeedsBraces && Lines.size() > 1)
      return emitBraced(First, Full, Lines);
    emit(Full, llvm::join(Lines, "\n" + Indent));
    for (size_t I = 1; I < A.Replaced.size(); ++I)
      removeStatement(A.Replaced[I]);
    if (A.ResultVarDecl)
      removeStatement(A.ResultVarDecl);
  }

  bool insideReplaced(SourceLocation Loc) {
    unsigned Offset = SM.getFileOffset(SM.getFileLoc(Loc));
    for (const auto &[Begin, End] : KeptRanges)
      if (Offset >= Begin && Offset < End)
        return false;
    for (const auto &[Begin, End] : ReplacedRanges)
      if (Offset >= Begin && Offset < End)
        return true;
    return false;
  }

  /// A local whose every read went away with a replaced statement
  /// (`size` once remap_pfn_range() became a *_full action) would be left
  /// unused, which -Werror kernels reject: its declaration goes too, and so
  /// do plain assignments to it when they have no side effects.
  void dropOrphanedLocals() {
    if (ReplacedRanges.empty())
      return;
    struct Refs : RecursiveASTVisitor<Refs> {
      llvm::MapVector<const VarDecl *, std::vector<const DeclRefExpr *>> Uses;
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          if (VD->isLocalVarDecl() && !VD->isStaticLocal())
            Uses[VD].push_back(DRE);
        return true;
      }
    } R;
    R.TraverseStmt(M.Definition->getBody());
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (auto &[Var, Uses] : R.Uses) {
        if (Dropped.count(Var))
          continue;
        bool Lost = false;
        std::vector<const Stmt *> Assignments;
        bool StillRead = false;
        for (const DeclRefExpr *Use : Uses) {
          if (insideReplaced(Use->getLocation())) {
            Lost = true;
            continue;
          }
          const Stmt *Assign = plainAssignmentTo(Use);
          if (Assign)
            Assignments.push_back(Assign);
          else
            StillRead = true;
        }
        if (!Lost || StillRead)
          continue;
        const DeclStmt *Decl = declStmtOf(Var, Ctx);
        if (Decl && insideReplaced(Decl->getBeginLoc()))
          continue; // `int ret = remap_pfn_range(...)` went with its action
        if (!Decl || !Decl->isSingleDecl() ||
            (Var->getInit() && Var->getInit()->HasSideEffects(Ctx))) {
          fail(ReasonCode::UnusedAfterRewrite,
               "'" + Var->getName().str() +
                   "' would be left unused by the conversion and cannot be "
                   "removed on its own",
               Var->getLocation());
          continue;
        }
        for (const Stmt *S : Assignments)
          removeStatement(S);
        removeStatement(Decl);
        Dropped.insert(Var);
        Changed = true;
      }
    }
  }

  /// The statement `V = <side-effect-free expr>;` when \p Use is its V.
  const Stmt *plainAssignmentTo(const DeclRefExpr *Use) {
    auto Parents = Ctx.getParents(*Use);
    const auto *BO =
        Parents.empty() ? nullptr : Parents[0].get<BinaryOperator>();
    if (!BO || BO->getOpcode() != BO_Assign || BO->getLHS() != Use ||
        BO->getRHS()->HasSideEffects(Ctx))
      return nullptr;
    auto Up = Ctx.getParents(*BO);
    return !Up.empty() && Up[0].get<CompoundStmt>() ? BO : nullptr;
  }

  /// `if (c) return remap(...);` becomes `if (c) {` + the action lines +
  /// `}`, the braces where kernel style puts them.
  void emitBraced(const Stmt *Branch, CharSourceRange Full,
                  const std::vector<std::string> &Lines) {
    auto Parents = Ctx.getParents(*Branch);
    const auto *If = Parents.empty() ? nullptr : Parents[0].get<IfStmt>();
    SourceLocation OpenAfter;
    if (If && If->getThen() == Branch)
      OpenAfter = If->getRParenLoc();
    else if (If && If->getElse() == Branch)
      OpenAfter = If->getElseLoc();
    if (!If || !OpenAfter.isFileID())
      return fail(ReasonCode::RemapNested,
                  "the page-table call is the body of a statement the tool "
                  "cannot add braces to",
                  Branch->getBeginLoc());
    std::string Indent = indentationAt(Branch->getBeginLoc(), Ctx);
    std::string Outer = indentationAt(If->getBeginLoc(), Ctx);
    SourceLocation AfterOpen = OpenAfter.getLocWithOffset(
        Lexer::MeasureTokenLength(OpenAfter, SM, Ctx.getLangOpts()));
    emit(CharSourceRange::getCharRange(AfterOpen, AfterOpen), " {");
    emit(Full, llvm::join(Lines, "\n" + Indent) + "\n" + Outer + "}");
  }

  void replaceToken(SourceLocation Loc, const std::string &Text) {
    if (!Loc.isFileID()) {
      fail(ReasonCode::MacroSpelled,
           "a reference to the callback is spelled inside a macro",
           SM.getExpansionLoc(Loc));
      return;
    }
    Result.Edits.push_back(replaceTokenEdit(Loc, Text, SM, Ctx.getLangOpts()));
  }

  /// `.mmap\t\t= fn` becomes `.mmap_prepare\t= fn`, `.mmap          = fn`
  /// becomes `.mmap_prepare  = fn`: the `=` keeps its column when the table
  /// aligns its initialisers, with tabs or spaces. When the longer name
  /// passes that column, one space separates them, as kernel tables do for
  /// a name longer than the rest.
  void renameSlot(SourceLocation Loc) {
    if (!Loc.isFileID())
      return replaceToken(Loc, "mmap_prepare");
    unsigned Len = Lexer::MeasureTokenLength(Loc, SM, Ctx.getLangOpts());
    unsigned Offset = SM.getFileOffset(Loc);
    StringRef Buffer = SM.getBufferData(SM.getFileID(Loc));
    size_t WsEnd = Offset + Len;
    while (WsEnd < Buffer.size() &&
           (Buffer[WsEnd] == ' ' || Buffer[WsEnd] == '\t'))
      ++WsEnd;
    StringRef Gap = Buffer.slice(Offset + Len, WsEnd);
    // A table aligns its `=` with tabs, or with more than one space.
    bool Aligned = WsEnd < Buffer.size() && Buffer[WsEnd] == '=' &&
                   (Gap.contains('\t') || Gap.size() > 1);
    if (!Aligned)
      return replaceToken(Loc, "mmap_prepare");
    unsigned EqualsColumn = visualColumn(Buffer, WsEnd);
    unsigned Col = visualColumn(Buffer, Offset) + strlen("mmap_prepare");
    std::string Text = "mmap_prepare";
    if (Gap.contains('\t'))
      while ((Col / 8 + 1) * 8 <= EqualsColumn) {
        Text += '\t';
        Col = (Col / 8 + 1) * 8;
      }
    if (Col < EqualsColumn)
      Text += std::string(EqualsColumn - Col, ' ');
    else if (Text.back() != '\t')
      Text += ' ';
    emit(CharSourceRange::getCharRange(Loc,
                                       Loc.getLocWithOffset(WsEnd - Offset)),
         Text);
  }

  /// A desc twin: the helper is rewritten by the same rules, with its vma
  /// parameter retyped; all or nothing with the callback.
  void rewriteHelper(const CallbackModel &Helper) {
    RewriteRequest Sub = Req;
    Sub.Model = &Helper;
    Sub.LeavesOnly = true;
    Sub.RetypeVmaParam = true;
    Sub.LayOut = false; // with the callback's edits, in finish()
    Sub.SlotFieldTokens.clear();
    Sub.CallbackRefTokens.clear();
    Sub.LibraryHandler = nullptr;
    RewriteResult R = rewriteCallback(Sub, Ctx);
    Result.Edits.insert(Result.Edits.end(), R.Edits.begin(), R.Edits.end());
    for (Reason &Why : R.Reasons)
      fail(Why.Code, Why.Severity, Why.Message, Why.Loc);
    for (const std::string &H : R.HelpersUsed)
      helper(H);
  }

  void retypeVmaParam() {
    for (const FunctionDecl *FD : M.Definition->redecls()) {
      const ParmVarDecl *P = FD->getParamDecl(M.VmaParamIndex);
      auto R = spelledFileRange(P->getSourceRange(), Ctx);
      if (!R) {
        fail(ReasonCode::MacroSpelled,
             "a parameter of helper " + FD->getNameAsString() +
                 "() is spelled inside a macro",
             SM.getExpansionLoc(P->getLocation()));
        continue;
      }
      emit(*R, "struct vm_area_desc *" +
                   std::string(P->getName().empty() ? "" : D));
    }
  }

  void rewriteSignatures() {
    for (const FunctionDecl *FD : M.Definition->redecls()) {
      // EXPORT_SYMBOL(fn) redeclares fn; its name token is renamed as a
      // reference (RewriteRequest::CallbackRefTokens).
      if (exportedNameToken(FD->getLocation(), Ctx).isValid())
        continue;
      replaceToken(FD->getLocation(), Req.NewName);
      if (std::optional<Edit> Doc = kernelDocEdit(FD, Req.NewName, D, Ctx))
        Result.Edits.push_back(std::move(*Doc));
      FunctionTypeLoc FTL = FD->getFunctionTypeLoc();
      if (!FTL || !FTL.getLParenLoc().isFileID() ||
          !FTL.getRParenLoc().isFileID()) {
        fail(ReasonCode::MacroSpelled,
             "the callback's parameter list is spelled inside a macro",
             SM.getExpansionLoc(FD->getLocation()));
        continue;
      }
      bool Named = !FD->getParamDecl(1)->getName().empty();
      emit(CharSourceRange::getTokenRange(FTL.getLParenLoc(),
                                          FTL.getRParenLoc()),
           std::string("(struct vm_area_desc *") + (Named ? D : "") + ")");
    }
  }

  void addFilePrologue() {
    bool FileUsed = false;
    for (const DeclRefExpr *Ref : M.FileRefs)
      FileUsed |= !insideReplaced(Ref->getLocation());
    if (!FileUsed)
      return;
    const auto *Body = cast<CompoundStmt>(M.Definition->getBody());
    SourceLocation LBrace = Body->getLBracLoc();
    if (!LBrace.isFileID())
      return fail(ReasonCode::MacroSpelled,
                  "the callback body is spelled inside a macro", LBrace);
    std::string Indent = "\t";
    bool FirstIsDecl = false;
    if (!Body->body_empty()) {
      Indent = indentationAt(Body->body_front()->getBeginLoc(), Ctx);
      FirstIsDecl = isa<DeclStmt>(Body->body_front());
    }
    std::string Name = M.FileParm->getName().str();
    SourceLocation After = LBrace.getLocWithOffset(1);
    emit(CharSourceRange::getCharRange(After, After),
         "\n" + Indent + "struct file *" + Name + " = " + D + "->file;" +
             (FirstIsDecl ? "" : "\n"));
  }

  void emit(CharSourceRange R, std::string Text) {
    Result.Edits.push_back(makeEdit(R, std::move(Text), SM, Ctx.getLangOpts()));
  }

  const RewriteRequest &Req;
  const CallbackModel &M;
  ASTContext &Ctx;
  const SourceManager &SM;
  std::string D;
  std::vector<Pending> Leaves;
  /// File offsets of statements replaced by actions.
  std::vector<std::pair<unsigned, unsigned>> ReplacedRanges;
  /// Parts of replaced statements the new text carries over.
  std::vector<std::pair<unsigned, unsigned>> KeptRanges;
  llvm::DenseSet<const VarDecl *> Dropped;
  /// lineWidthOf() the definition's file, computed once when needed.
  std::optional<unsigned> FileWidth;
  RewriteResult Result;
};

} // namespace

RewriteResult rewriteCallback(const RewriteRequest &Request, ASTContext &Ctx) {
  return CallbackRewriter(Request, Ctx).run();
}

} // namespace mpl
