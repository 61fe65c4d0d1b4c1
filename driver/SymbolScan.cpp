//===- SymbolScan.cpp -----------------------------------------------------===//
#include "driver/SymbolScan.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cstring>

namespace mpl {
namespace {

bool isIdentStart(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || C == '_';
}
bool isIdentChar(char C) { return isIdentStart(C) || (C >= '0' && C <= '9'); }

/// A small C tokenizer: identifiers and punctuation outside comments,
/// strings and character literals, with line numbers and whether the token
/// is on a preprocessor line.
class Scanner {
public:
  explicit Scanner(llvm::StringRef Text) : Text(Text) {}

  struct Token {
    llvm::StringRef Spelling; // identifier, or one punctuation character
    unsigned Line = 0, Column = 0;
    bool Directive = false;
    bool isIdent() const {
      return !Spelling.empty() && isIdentStart(Spelling[0]);
    }
  };

  bool next(Token &T) {
    while (Pos < Text.size()) {
      char C = Text[Pos];
      if (C == '\n') {
        ++Line;
        ++Pos;
        LineStart = Pos;
        // A backslash-newline continues a directive.
        if (!(Pos >= 2 && Text[Pos - 2] == '\\'))
          InDirective = false;
        AtLineStart = true;
        continue;
      }
      if (C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v' ||
          C == '\\') {
        ++Pos;
        continue;
      }
      if (C == '/' && Pos + 1 < Text.size() && Text[Pos + 1] == '/') {
        while (Pos < Text.size() && Text[Pos] != '\n')
          ++Pos;
        continue;
      }
      if (C == '/' && Pos + 1 < Text.size() && Text[Pos + 1] == '*') {
        size_t End = Text.find("*/", Pos + 2);
        End = End == llvm::StringRef::npos ? Text.size() : End + 2;
        llvm::StringRef Comment = Text.slice(Pos, End);
        if (size_t Count = Comment.count('\n')) {
          Line += Count;
          LineStart = Pos + Comment.rfind('\n') + 1;
        }
        Pos = End;
        continue;
      }
      if (C == '"' || C == '\'') {
        ++Pos;
        while (Pos < Text.size() && Text[Pos] != C && Text[Pos] != '\n') {
          if (Text[Pos] == '\\' && Pos + 1 < Text.size()) {
            if (Text[Pos + 1] == '\n') {
              ++Line;
              LineStart = Pos + 2;
            }
            ++Pos;
          }
          ++Pos;
        }
        if (Pos < Text.size() && Text[Pos] == C)
          ++Pos;
        continue;
      }
      if (C == '#' && AtLineStart)
        InDirective = true;
      AtLineStart = false;
      T.Line = Line;
      T.Column = Pos - LineStart + 1;
      T.Directive = InDirective;
      if (isIdentStart(C)) {
        size_t Start = Pos;
        while (Pos < Text.size() && isIdentChar(Text[Pos]))
          ++Pos;
        T.Spelling = Text.slice(Start, Pos);
        return true;
      }
      T.Spelling = Text.substr(Pos, 1);
      ++Pos;
      return true;
    }
    return false;
  }

private:
  llvm::StringRef Text;
  size_t Pos = 0;
  unsigned Line = 1;
  size_t LineStart = 0;
  bool AtLineStart = true;
  bool InDirective = false;
};

} // namespace

std::vector<std::pair<std::string, SymbolMention>>
scanBuffer(llvm::StringRef Path, llvm::StringRef Text,
           const std::set<std::string> &Names) {
  std::vector<std::pair<std::string, SymbolMention>> Out;
  std::vector<Scanner::Token> Tokens;
  {
    Scanner S(Text);
    Scanner::Token T;
    while (S.next(T))
      Tokens.push_back(T);
  }
  // Depth of braces and parentheses outside directives, and whether the
  // current top-level declaration said `static`.
  int Braces = 0;
  bool Static = false;
  for (size_t I = 0; I < Tokens.size(); ++I) {
    const Scanner::Token &T = Tokens[I];
    if (T.Directive) {
      if (T.isIdent() && Names.count(T.Spelling.str()))
        Out.push_back({T.Spelling.str(),
                       {Path.str(), T.Line, T.Column, SymbolMention::Use}});
      continue;
    }
    llvm::StringRef S = T.Spelling;
    if (S == "{") {
      ++Braces;
      continue;
    }
    if (S == "}") {
      Braces = Braces > 0 ? Braces - 1 : 0;
      if (Braces == 0)
        Static = false;
      continue;
    }
    if (S == ";" && Braces == 0) {
      Static = false;
      continue;
    }
    if (S == "static" && Braces == 0) {
      Static = true;
      continue;
    }
    if (!T.isIdent() || !Names.count(S.str()))
      continue;
    SymbolMention M{Path.str(), T.Line, T.Column, SymbolMention::Use};
    // At file scope, `name (` ... `)` then `{` defines it and `;` (or `,`)
    // declares it.
    size_t J = I + 1;
    while (J < Tokens.size() && Tokens[J].Directive)
      ++J;
    if (Braces == 0 && J < Tokens.size() && Tokens[J].Spelling == "(") {
      int Parens = 0;
      for (; J < Tokens.size(); ++J) {
        if (Tokens[J].Directive)
          continue;
        if (Tokens[J].Spelling == "(")
          ++Parens;
        else if (Tokens[J].Spelling == ")" && --Parens == 0)
          break;
      }
      ++J;
      while (J < Tokens.size() && Tokens[J].Directive)
        ++J;
      // Attributes after the parameter list (`__cold`, `__attribute__(...)`)
      // are rare on definitions in the kernel; a prototype ends in `;`.
      if (J < Tokens.size() && Tokens[J].Spelling == "{")
        M.K = Static ? SymbolMention::StaticDefinition
                     : SymbolMention::Definition;
      else if (J < Tokens.size() &&
               (Tokens[J].Spelling == ";" || Tokens[J].Spelling == ","))
        M.K = SymbolMention::Declaration;
    }
    Out.push_back({S.str(), std::move(M)});
  }
  return Out;
}

std::string ScanScope::describe() const {
  if (Dirs.empty())
    return "nothing";
  return Dirs.front() + (Recursive ? " (whole tree)" : "") +
         (Dirs.size() > 1
              ? " and " + std::to_string(Dirs.size() - 1) + " other director" +
                    (Dirs.size() == 2 ? "y" : "ies")
              : std::string());
}

ScanScope scanScopeFor(llvm::StringRef File) {
  llvm::SmallString<256> Dir(File);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, true);
  llvm::sys::path::remove_filename(Dir);
  ScanScope Scope;
  for (llvm::StringRef D = Dir; !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    auto Has = [&](const char *Rel) {
      llvm::SmallString<256> P(D);
      llvm::sys::path::append(P, Rel);
      return llvm::sys::fs::exists(P);
    };
    if (Has("Kbuild") && Has("Makefile") && Has("include/linux")) {
      Scope.Dirs.push_back(D.str());
      Scope.Recursive = true;
      return Scope;
    }
  }
  Scope.Dirs.push_back(Dir.str().str());
  return Scope;
}

std::map<std::string, std::vector<SymbolMention>>
scanForSymbols(const ScanScope &Scope, const std::set<std::string> &Names) {
  std::map<std::string, std::vector<SymbolMention>> Found;
  if (Names.empty())
    return Found;
  // Tens of thousands of files: read into one reused buffer (no mapping
  // and unmapping per file), and look for the names with memmem before any
  // tokenising.
  llvm::SmallVector<char, 0> Bytes;
  auto ScanFile = [&](llvm::StringRef Path) {
    if (!Path.ends_with(".c") && !Path.ends_with(".h"))
      return;
    llvm::Expected<llvm::sys::fs::file_t> FD =
        llvm::sys::fs::openNativeFileForRead(Path);
    if (!FD) {
      llvm::consumeError(FD.takeError());
      return;
    }
    Bytes.clear();
    llvm::Error E = llvm::sys::fs::readNativeFileToEOF(*FD, Bytes);
    llvm::sys::fs::closeFile(*FD);
    if (E) {
      llvm::consumeError(std::move(E));
      return;
    }
    llvm::StringRef Text(Bytes.data(), Bytes.size());
    bool Any = false;
    for (const std::string &N : Names)
      Any = Any || memmem(Text.data(), Text.size(), N.data(), N.size());
    if (!Any)
      return;
    for (auto &[Name, M] : scanBuffer(Path, Text, Names))
      Found[Name].push_back(std::move(M));
  };
  for (const std::string &Dir : Scope.Dirs) {
    std::error_code EC;
    if (!Scope.Recursive) {
      for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
           It.increment(EC))
        if (It->type() == llvm::sys::fs::file_type::regular_file)
          ScanFile(It->path());
      continue;
    }
    for (llvm::sys::fs::recursive_directory_iterator
             It(Dir, EC, /*follow_symlinks=*/false),
         End;
         It != End && !EC; It.increment(EC)) {
      llvm::StringRef Name = llvm::sys::path::filename(It->path());
      if (It->type() == llvm::sys::fs::file_type::directory_file) {
        llvm::StringRef Rel =
            llvm::StringRef(It->path()).drop_front(Dir.size());
        Rel.consume_front("/");
        if (Name.starts_with(".") || Rel == "tools" || Rel == "Documentation")
          It.no_push();
        continue;
      }
      if (It->type() == llvm::sys::fs::file_type::regular_file)
        ScanFile(It->path());
    }
  }
  return Found;
}

} // namespace mpl
