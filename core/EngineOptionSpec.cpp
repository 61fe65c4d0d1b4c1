//===- EngineOptionSpec.cpp -----------------------------------------------===//
#include "core/EngineOptionSpec.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mpl {
namespace {

std::vector<std::string> applyApi(llvm::StringRef Value, EngineOptions &Opts) {
  if (auto Level = ApiLevel::parse(Value.trim())) {
    Opts.Api = *Level;
    return {};
  }
  return {"'" + Value.str() +
          "' is not a kernel API level (expected auto, 7.0, 7.1, 7.2 or 7.3)"};
}

std::vector<std::string> applySuffix(llvm::StringRef Value,
                                     EngineOptions &Opts) {
  // Appended to a C identifier: it must keep it one.
  bool Valid = !Value.empty() && llvm::all_of(Value, [](char C) {
    return llvm::isAlnum(C) || C == '_';
  });
  if (!Valid)
    return {"'" + Value.str() +
            "' cannot be appended to a C identifier (letters, digits, '_')"};
  Opts.Suffix = Value.str();
  return {};
}

std::vector<std::string> applyOps(llvm::StringRef Value, EngineOptions &Opts) {
  std::vector<std::string> Invalid;
  llvm::SmallVector<llvm::StringRef, 4> Slots;
  Value.split(Slots, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Slot : Slots) {
    auto [Struct, Field] = Slot.trim().split('.');
    if (Struct.empty() || Field.empty()) {
      Invalid.push_back("'" + Slot.trim().str() + "' is not struct.field");
      continue;
    }
    Opts.ExtraSlots.push_back({Struct.str(), Field.str()});
  }
  return Invalid;
}

std::vector<std::string> applySuppressions(llvm::StringRef Value,
                                           EngineOptions &Opts) {
  if (Value.empty())
    return {};
  auto Buffer = llvm::MemoryBuffer::getFile(Value);
  if (!Buffer)
    return {Value.str() + ": " + Buffer.getError().message()};
  std::string Error;
  auto List = SuppressionList::parse((*Buffer)->getBuffer(), Error);
  if (!List)
    return {Value.str() + ": " + Error};
  Opts.Suppressions = std::make_shared<const SuppressionList>(std::move(*List));
  Opts.SuppressionsFile = Value.str();
  return {};
}

const EngineOptionSpec Specs[] = {
    {"api", "Api", "level",
     "Target kernel API: 7.0, 7.1, 7.2, 7.3 or auto (read the headers)", "auto",
     false, "using 'auto'", applyApi},
    {"suffix", "Suffix", "suffix", "Suffix for converted callback names",
     "_prepare", false, "using '_prepare'", applySuffix},
    {"ops", "Ops", "struct.field",
     "Also report mmap slots of these ops structs (e.g. fb_ops.fb_mmap)", "",
     true, "entry ignored", applyOps},
    {"suppressions", "Suppressions", "file",
     "Drop the findings this suppression list matches (see docs)", "", false,
     "no suppression list read", applySuppressions},
};

} // namespace

llvm::ArrayRef<EngineOptionSpec> engineOptionSpecs() { return Specs; }

std::string engineOptionsKey(const EngineOptions &Opts) {
  std::string Key =
      Opts.Api.str() + '\n' + Opts.Suffix + '\n' + Opts.SuppressionsFile;
  for (const auto &[Struct, Field] : Opts.ExtraSlots)
    Key += '\n' + Struct + '.' + Field;
  return Key;
}

} // namespace mpl
