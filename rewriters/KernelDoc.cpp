//===- KernelDoc.cpp ------------------------------------------------------===//
#include "rewriters/KernelDoc.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace mpl {
namespace {

/// ` * @name: text`: the parameter line of \p Param, if \p Line is one.
bool isParamLine(llvm::StringRef Line, llvm::StringRef Param) {
  llvm::StringRef Rest = Line.ltrim(" \t");
  if (!Rest.consume_front("*"))
    return false;
  Rest = Rest.ltrim(" \t");
  return !Param.empty() && Rest.consume_front("@") &&
         Rest.consume_front(Param) && Rest.ltrim(" \t").starts_with(":");
}

/// A line that continues the previous parameter's text: not empty, not a
/// new `@param`, not a section (`Return:`), not the end of the comment.
bool isContinuation(llvm::StringRef Line) {
  llvm::StringRef Rest = Line.ltrim(" \t");
  if (!Rest.consume_front("*") || Rest.starts_with("/"))
    return false;
  Rest = Rest.trim();
  static const llvm::Regex Section("^[A-Za-z][A-Za-z ]*:");
  return !Rest.empty() && !Rest.starts_with("@") && !Section.match(Rest);
}

/// The vma line's wording, said of the descriptor: "VMA to map into" ->
/// "VMA descriptor to map into".
std::string descWording(std::string Text) {
  static const llvm::Regex Struct("struct vm_area_struct");
  Text = Struct.sub("struct vm_area_desc", Text);
  static const llvm::Regex Vma(
      "(^|[^A-Za-z_@])([Vv][Mm][Aa]|[Vv]irtual memory area)([^A-Za-z_]|$)");
  llvm::SmallVector<llvm::StringRef, 4> M;
  if (Vma.match(Text, &M) && !llvm::StringRef(Text).contains("descriptor"))
    Text = Vma.sub("\\1VMA descriptor\\3", Text);
  return Text;
}

} // namespace

std::optional<std::string>
rewriteKernelDoc(llvm::StringRef Text, llvm::StringRef OldName,
                 llvm::StringRef NewName, llvm::StringRef FileParam,
                 llvm::StringRef VmaParam, llvm::StringRef DescParam) {
  if (!Text.starts_with("/**") || !Text.ends_with("*/"))
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  Text.split(Lines, '\n');
  // The first text line names the function: ` * name - summary`.
  size_t NameLine = 1;
  if (Lines.size() < 2)
    return std::nullopt;
  llvm::StringRef Name = Lines[NameLine].ltrim(" \t");
  if (!Name.consume_front("*"))
    return std::nullopt;
  Name = Name.ltrim(" \t");
  if (!Name.consume_front(OldName) ||
      !(Name.starts_with(" ") || Name.starts_with("()") ||
        Name.starts_with("\t")))
    return std::nullopt;

  // `@vma` in the text is the descriptor now.
  std::optional<llvm::Regex> VmaRef;
  if (!VmaParam.empty() && VmaParam != DescParam)
    VmaRef.emplace("@" + VmaParam.str() + "([^A-Za-z0-9_]|$)");
  std::vector<std::string> Out;
  bool DescWritten = false;
  int FileLineAt = -1;
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I];
    if (I == NameLine) {
      size_t At = Line.find(OldName);
      Out.push_back(
          (Line.take_front(At) + NewName + Line.drop_front(At + OldName.size()))
              .str());
      continue;
    }
    bool IsFile = isParamLine(Line, FileParam);
    bool IsVma = isParamLine(Line, VmaParam);
    if (IsFile || IsVma) {
      size_t Colon = Line.find(':');
      if (IsFile) {
        FileLineAt = static_cast<int>(Out.size());
      } else {
        size_t At = Line.find("@");
        Out.push_back((Line.take_front(At + 1) + DescParam).str() +
                      descWording(Line.drop_front(Colon).str()));
        DescWritten = true;
      }
      // The file's text goes with its parameter.
      while (IsFile && I + 1 < Lines.size() && isContinuation(Lines[I + 1]))
        ++I;
      continue;
    }
    std::string Copy = Line.str();
    while (VmaRef && VmaRef->match(Copy))
      Copy = VmaRef->sub("@" + DescParam.str() + "\\1", Copy);
    Out.push_back(std::move(Copy));
  }
  if (!DescWritten && FileLineAt >= 0)
    Out.insert(Out.begin() + FileLineAt,
               " * @" + DescParam.str() +
                   ": VMA descriptor of the mapping being set up");
  return llvm::join(Out, "\n");
}

std::optional<Edit> kernelDocEdit(const FunctionDecl *Def,
                                  llvm::StringRef NewName,
                                  llvm::StringRef DescParam, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = Def->getSourceRange().getBegin();
  if (!Begin.isFileID() || Def->getNumParams() != 2)
    return std::nullopt;
  FileID File = SM.getFileID(Begin);
  llvm::StringRef Buffer = SM.getBufferData(File);
  unsigned Offset = SM.getFileOffset(Begin);
  llvm::StringRef Before = Buffer.take_front(Offset).rtrim(" \t\n");
  if (!Before.ends_with("*/"))
    return std::nullopt;
  size_t Start = Before.rfind("/*");
  if (Start == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Block = Before.drop_front(Start);
  std::optional<std::string> New = rewriteKernelDoc(
      Block, Def->getName(), NewName, Def->getParamDecl(0)->getName(),
      Def->getParamDecl(1)->getName(), DescParam);
  if (!New || *New == Block)
    return std::nullopt;
  SourceLocation From = SM.getComposedLoc(File, Start);
  return makeEdit(
      CharSourceRange::getCharRange(From, From.getLocWithOffset(Block.size())),
      *New, SM, Ctx.getLangOpts());
}

} // namespace mpl
