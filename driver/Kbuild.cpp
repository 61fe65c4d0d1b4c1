//===- Kbuild.cpp ---------------------------------------------------------===//
#include "driver/Kbuild.h"
#include "core/EngineOptionSpec.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"

using llvm::StringRef;

namespace mpl {
namespace {

/// This tool's options that may appear in CHECK="mmap-prepare-lint ...".
bool isToolOption(StringRef A) {
  if (!A.consume_front("--"))
    return false;
  StringRef Name = A.split('=').first;
  for (const EngineOptionSpec &Spec : engineOptionSpecs())
    if (Name == Spec.Flag)
      return true;
  for (StringRef Known : {"kbuild", "error", "checks", "timeout", "explain",
                          "cache-dir", "no-probe", "no-skip-bodies", "quiet",
                          "format", "no-cache", "cache-size", "cache-stats"})
    if (Name == Known)
      return true;
  return false;
}

/// sparse's own flags that mean nothing to clang.
bool isSparseOnly(StringRef A) {
  // With __CHECKER__ the kernel's headers switch to sparse-only syntax
  // (address_space(__user)); clang must see what the compiler sees.
  if (A == "-D__CHECKER__" || A == "-D__CHECK_ENDIAN__" ||
      A == "-D__CHECKER__=1")
    return true;
  return A.starts_with("--arch=") || A == "-Wbitwise" ||
         A == "-Wno-return-void" || A == "-Wno-unknown-attribute" ||
         A == "-Wcontext" || A == "-Wno-context" ||
         A == "-Wptr-subtraction-blows" || A == "-Wcast-to-as" ||
         A == "-Wdefault-bitfield-sign" || A == "-Wdo-while" ||
         A == "-Wnon-pointer-null" || A == "-Wone-bit-signed-bitfield" ||
         A == "-Wparen-string" || A == "-Wtransparent-union" ||
         A == "-Wtypesign" || A == "-Wsparse-all" || A == "-Wsparse-error" ||
         A == "-Wno-decl" || A == "-fmax-errors=unlimited" ||
         A == "-fmax-warnings=unlimited" || A == "-Wno-memcpy-max-count" ||
         A == "-Wno-vla" || A == "-Wno-pointer-arith" ||
         A == "-Wno-non-pointer-null" || A == "-Wno-address-space";
}

} // namespace

bool isKbuildInvocation(int Argc, const char **Argv) {
  for (int I = 1; I < Argc; ++I)
    if (StringRef(Argv[I]) == "--kbuild")
      return true;
  return false;
}

KbuildArgs splitKbuildArgs(int Argc, const char **Argv) {
  KbuildArgs K;
  K.ToolArgs.push_back(Argv[0]);
  K.Command.push_back("clang");
  int Source = -1;
  // The source file comes last (kbuild: `... $<`; scripts/checker-valid.sh
  // passes a mktemp file without an extension); failing that, the last
  // argument that names a C file.
  if (Argc > 1 && !StringRef(Argv[Argc - 1]).starts_with("-") &&
      llvm::sys::fs::is_regular_file(Argv[Argc - 1]))
    Source = Argc - 1;
  for (int I = Argc - 1; I > 0 && Source < 0; --I) {
    StringRef A(Argv[I]);
    if (!A.starts_with("-") && (A.ends_with(".c") || A.ends_with(".i")))
      Source = I;
  }
  for (int I = 1; I < Argc; ++I) {
    StringRef A(Argv[I]);
    if (I == Source)
      continue;
    if (isToolOption(A)) {
      K.ToolArgs.push_back(Argv[I]);
      continue;
    }
    if (isSparseOnly(A))
      continue;
    K.Command.push_back(A.str());
  }
  if (Source < 0) {
    K.Error = "--kbuild: no C source file on the command line (expected "
              "`$(CHECK) $(CHECKFLAGS) $(c_flags) file.c`)";
    return K;
  }
  K.File = Argv[Source];
  if (!StringRef(K.File).ends_with(".c") &&
      !StringRef(K.File).ends_with(".h")) {
    K.Command.push_back("-x");
    K.Command.push_back("c");
  }
  K.Command.push_back(K.File);
  return K;
}

} // namespace mpl
