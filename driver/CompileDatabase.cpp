//===- CompileDatabase.cpp ------------------------------------------------===//
#include "driver/CompileDatabase.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <nlohmann/json.hpp>

using namespace clang::tooling;

namespace mpl {
namespace {

/// The reason \p Text is not a compile database, or "".
std::string validateCompileDatabase(llvm::StringRef Text) {
  nlohmann::json Doc = nlohmann::json::parse(Text, nullptr, false);
  if (Doc.is_discarded())
    return "not a valid compile database (malformed JSON)";
  if (!Doc.is_array())
    return "not a valid compile database (expected a JSON array of entries)";
  for (const nlohmann::json &E : Doc)
    if (!E.is_object() || !E.contains("directory") || !E.contains("file") ||
        (!E.contains("command") && !E.contains("arguments")))
      return "not a valid compile database (an entry lacks \"directory\", "
             "\"file\" or \"command\"/\"arguments\")";
  return "";
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, true);
  return std::string(Abs.str());
}

/// The .c files under \p Dir that \p Known lacks and whose text can spell
/// an ops-table site, sorted. An unreadable file is kept: its analysis
/// says why it cannot be read.
std::vector<std::string> scanMissing(llvm::StringRef Dir,
                                     const std::set<std::string> &Known,
                                     const SiteWords &Site) {
  std::vector<std::string> Found;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator I(Dir, EC), E; I != E && !EC;
       I.increment(EC)) {
    llvm::StringRef P = I->path();
    if (!P.ends_with(".c") || Known.count(P.str()) ||
        I->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(P, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!Buffer || canSpellSite((*Buffer)->getBuffer(), Site))
      Found.push_back(P.str());
  }
  std::sort(Found.begin(), Found.end());
  return Found;
}

} // namespace

std::unique_ptr<CompilationDatabase>
loadCompileDatabase(llvm::StringRef BuildPath, std::string &Dir,
                    std::string &Error) {
  llvm::SmallString<256> P(BuildPath);
  if (llvm::sys::fs::is_directory(P))
    llvm::sys::path::append(P, "compile_commands.json");
  if (!llvm::sys::fs::exists(P)) {
    Error = P.str().str() + ": no such file (a compile_commands.json or the "
                            "build directory that holds one)";
    return nullptr;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(P);
  if (!Buffer) {
    Error = P.str().str() + ": " + Buffer.getError().message();
    return nullptr;
  }
  if (std::string Why = validateCompileDatabase((*Buffer)->getBuffer());
      !Why.empty()) {
    Error = P.str().str() + ": " + Why;
    return nullptr;
  }
  std::string LoadError;
  std::unique_ptr<CompilationDatabase> DB =
      JSONCompilationDatabase::loadFromFile(P, LoadError,
                                            JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    Error = P.str().str() + ": not a valid compile database (" +
            llvm::StringRef(LoadError).trim().split('\n').first.str() + ")";
    return nullptr;
  }
  Dir = absolute(llvm::sys::path::parent_path(P));
  return inferMissingCompileCommands(std::move(DB));
}

bool compilesC(const CompileCommand &Command) {
  using namespace clang::driver;
  const std::vector<std::string> &Args = Command.CommandLine;
  types::ID Type = types::TY_INVALID;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (A == "-x" && I + 1 < Args.size())
      Type = types::lookupTypeForTypeSpecifier(Args[++I].c_str());
    else if (A.starts_with("-x") && A.size() > 2)
      Type = types::lookupTypeForTypeSpecifier(A.drop_front(2).str().c_str());
  }
  if (Type == types::TY_INVALID) {
    llvm::StringRef Ext = llvm::sys::path::extension(Command.Filename);
    Type = types::lookupTypeForExtension(Ext.drop_front());
  }
  return Type == types::TY_C || Type == types::TY_PP_C ||
         Type == types::TY_CHeader || Type == types::TY_PP_CHeader;
}

InputFiles selectInputFiles(const CompilationDatabase &DB,
                            const std::vector<std::string> &Args,
                            bool ScanMissing, const SiteWords &Site) {
  InputFiles In;
  std::set<std::string> Seen;
  auto Add = [&](const std::string &F) {
    if (!Seen.insert(F).second)
      return;
    std::vector<CompileCommand> Commands = DB.getCompileCommands(F);
    if (!Commands.empty() && !compilesC(Commands.front())) {
      ++In.NotC;
      return;
    }
    In.Files.push_back(F);
  };
  std::vector<std::string> All = DB.getAllFiles();
  std::set<std::string> InDB(All.begin(), All.end());
  // A stable order (the database's own is a hash order): sorted paths.
  std::sort(All.begin(), All.end());
  if (Args.empty()) {
    for (const std::string &F : All)
      Add(F);
    return In;
  }
  for (const std::string &Arg : Args) {
    std::string Abs = absolute(Arg);
    if (!llvm::sys::fs::is_directory(Abs)) {
      Add(Abs);
      continue;
    }
    size_t Before = In.Files.size() + In.NotC;
    for (const std::string &F : All)
      if (llvm::StringRef(F).starts_with(Abs + "/"))
        Add(F);
    if (ScanMissing)
      for (const std::string &F : scanMissing(Abs, InDB, Site)) {
        In.Optional.insert(F);
        Add(F);
      }
    if (In.Files.size() + In.NotC == Before)
      In.Errors.push_back(
          {Arg, "no file of the compile database is under this directory"});
  }
  return In;
}

} // namespace mpl
