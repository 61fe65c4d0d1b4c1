//===- VmaFlags.cpp -------------------------------------------------------===//
#include "matchers/VmaFlags.h"
#include "matchers/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace mpl {
namespace {

// include/linux/mm.h, "mm: declare VMA flags by bit" (v6.19 onwards). Only
// names whose bit is the same on every configuration that defines them.
const llvm::StringMap<unsigned> &singleBitTable() {
  static const llvm::StringMap<unsigned> Table = {
      {"VM_READ", 0},
      {"VM_WRITE", 1},
      {"VM_EXEC", 2},
      {"VM_SHARED", 3},
      {"VM_MAYREAD", 4},
      {"VM_MAYWRITE", 5},
      {"VM_MAYEXEC", 6},
      {"VM_MAYSHARE", 7},
      {"VM_GROWSDOWN", 8},
      {"VM_UFFD_MISSING", 9},
      {"VM_PFNMAP", 10},
      {"VM_MAYBE_GUARD", 11},
      {"VM_UFFD_WP", 12},
      {"VM_LOCKED", 13},
      {"VM_IO", 14},
      {"VM_SEQ_READ", 15},
      {"VM_RAND_READ", 16},
      {"VM_DONTCOPY", 17},
      {"VM_DONTEXPAND", 18},
      {"VM_LOCKONFAULT", 19},
      {"VM_ACCOUNT", 20},
      {"VM_NORESERVE", 21},
      {"VM_HUGETLB", 22},
      {"VM_SYNC", 23},
      {"VM_ARCH_1", 24},
      {"VM_WIPEONFORK", 25},
      {"VM_DONTDUMP", 26},
      {"VM_SOFTDIRTY", 27},
      {"VM_MIXEDMAP", 28},
      {"VM_HUGEPAGE", 29},
      {"VM_NOHUGEPAGE", 30},
      {"VM_MERGEABLE", 31},
      {"VM_ALLOW_ANY_UNCACHED", 39},
      {"VM_DROPPABLE", 40},
      {"VM_UFFD_MINOR", 41},
      {"VM_SEALED", 42},
      {"VM_UFFD_RWP", 43},
  };
  return Table;
}

const llvm::StringMap<std::vector<std::string>> &compositeTable() {
  static const llvm::StringMap<std::vector<std::string>> Table = {
      {"VM_ACCESS_FLAGS", {"VM_READ", "VM_WRITE", "VM_EXEC"}},
      {"VM_SPECIAL", {"VM_IO", "VM_DONTEXPAND", "VM_PFNMAP", "VM_MIXEDMAP"}},
      {"VM_REMAP_FLAGS",
       {"VM_IO", "VM_PFNMAP", "VM_DONTEXPAND", "VM_DONTDUMP"}},
      {"VM_LOCKED_MASK", {"VM_LOCKED", "VM_LOCKONFAULT"}},
  };
  return Table;
}

class Decomposer {
public:
  Decomposer(const ASTContext &Ctx, MaskDecomposition &Out)
      : Ctx(Ctx), Out(Out) {}

  void visit(const Expr *E) {
    if (!Out.ok())
      return;
    E = E->IgnoreParens();
    std::string Macro = macroSpelledAs(E->getSourceRange(), Ctx);
    if (!Macro.empty()) {
      leaf(Macro, E);
      return;
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      visit(Cast->getSubExpr());
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->getOpcode() == BO_Or) {
      visit(BO->getLHS());
      visit(BO->getRHS());
      return;
    }
    if (const auto *Lit = dyn_cast<IntegerLiteral>(E);
        Lit && Lit->getValue() == 0) {
      return; // `0` adds no bit.
    }
    fail(E, "the mask is not spelled as VM_xxx names joined by '|'");
  }

private:
  void leaf(const std::string &Name, const Expr *E) {
    if (Name == "VM_NONE")
      return;
    if (const auto *Members = compositeMaskMembers(Name)) {
      for (const std::string &Member : *Members)
        addBit(Member, E, /*CheckValue=*/false, declaredBit(Member));
      return;
    }
    std::optional<unsigned> Bit = declaredBit(Name);
    if (!Bit)
      Bit = legacyFlagBit(Name);
    if (!Bit && !llvm::StringRef(Name).starts_with("VM_")) {
      expandDriverMacro(Name, E);
      return;
    }
    if (!Bit) {
      fail(E, "'" + Name + "' is not a VM_xxx flag with a known bit number");
      return;
    }
    addBit(Name, E, /*CheckValue=*/true, *Bit);
  }

  /// The headers' own `VMA_<X>_BIT` enumerator for `VM_<X>` (6.19+): new
  /// bits and per-config aliases need no table entry.
  /// `#define FOO_FORBIDDEN_FLAGS (VM_WRITE | VM_EXEC)`: a driver's own mask
  /// is read by value, one single-bit flag per set bit.
  void expandDriverMacro(const std::string &Name, const Expr *E) {
    Expr::EvalResult Value;
    if (!E->EvaluateAsInt(Value, Ctx)) {
      fail(E, "'" + Name + "' is not a VM_xxx flag with a known bit number");
      return;
    }
    uint64_t Bits = Value.Val.getInt().getZExtValue();
    for (unsigned Bit = 0; Bit < 64 && Out.ok(); ++Bit) {
      if (!(Bits & (uint64_t(1) << Bit)))
        continue;
      std::string Flag;
      for (const auto &Entry : singleBitTable())
        if (Entry.second == Bit)
          Flag = Entry.first().str();
      if (Flag.empty()) {
        fail(E, "'" + Name + "' has bit " + std::to_string(Bit) +
                    ", which is no single VMA_xxx_BIT");
        return;
      }
      addBit(Flag, E, /*CheckValue=*/false, Bit);
    }
  }

  std::optional<unsigned> declaredBit(const std::string &Name) {
    IdentifierInfo &II =
        const_cast<ASTContext &>(Ctx).Idents.get(bitEnumeratorFor(Name));
    for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&II))
      if (const auto *EC = dyn_cast<EnumConstantDecl>(D))
        return static_cast<unsigned>(EC->getInitVal().getLimitedValue(63));
    return std::nullopt;
  }

  void addBit(const std::string &Name, const Expr *E, bool CheckValue,
              std::optional<unsigned> KnownBit = std::nullopt) {
    unsigned Bit = KnownBit ? *KnownBit : *legacyFlagBit(Name);
    if (CheckValue) {
      // A config-dependent alias (VM_SOFTDIRTY without CONFIG_MEM_SOFT_DIRTY)
      // is VM_NONE; converting it would set a bit the old code never set.
      Expr::EvalResult Value;
      if (!E->EvaluateAsInt(Value, Ctx)) {
        fail(E, "the value of '" + Name + "' is not a constant");
        return;
      }
      llvm::APSInt V = Value.Val.getInt();
      if (V.getBitWidth() <= Bit ||
          V != llvm::APSInt(llvm::APInt::getOneBitSet(V.getBitWidth(), Bit),
                            V.isUnsigned())) {
        fail(E, "'" + Name + "' is not bit " + std::to_string(Bit) +
                    " in this configuration (config-dependent flag)");
        return;
      }
    }
    std::string Enumerator = bitEnumeratorFor(Name);
    for (const std::string &Existing : Out.Bits)
      if (Existing == Enumerator)
        return;
    Out.Bits.push_back(Enumerator);
  }

  void fail(const Expr *E, std::string Why) {
    if (!Out.ok())
      return;
    Out.Problem = std::move(Why);
    Out.ProblemLoc = E->getBeginLoc();
  }

  const ASTContext &Ctx;
  MaskDecomposition &Out;
};

} // namespace

std::optional<unsigned> legacyFlagBit(llvm::StringRef VmName) {
  auto It = singleBitTable().find(VmName);
  if (It == singleBitTable().end())
    return std::nullopt;
  return It->second;
}

const std::vector<std::string> *compositeMaskMembers(llvm::StringRef VmName) {
  auto It = compositeTable().find(VmName);
  return It == compositeTable().end() ? nullptr : &It->second;
}

std::string bitEnumeratorFor(llvm::StringRef VmName) {
  return ("VMA_" + VmName.drop_front(3) + "_BIT").str();
}

MaskDecomposition decomposeMask(const Expr *Mask, const ASTContext &Ctx) {
  MaskDecomposition Out;
  Decomposer(Ctx, Out).visit(Mask);
  if (Out.ok() && Out.Bits.empty())
    Out.Empty = true;
  return Out;
}

} // namespace mpl
