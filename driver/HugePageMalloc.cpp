//===- HugePageMalloc.cpp -------------------------------------------------===//
#include "driver/HugePageMalloc.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace mpl {

void relaunchWithHugePageMalloc(const char **Argv) {
#if defined(__linux__) && defined(__GLIBC__)
  if (std::getenv("MPL_NO_HUGEPAGE_MALLOC"))
    return;
  const char *Tunables = std::getenv("GLIBC_TUNABLES");
  if (Tunables && llvm::StringRef(Tunables).contains("glibc.malloc.hugetlb"))
    return; // set by us a moment ago, or by the user: theirs stands
  auto Mode = llvm::MemoryBuffer::getFileAsStream(
      "/sys/kernel/mm/transparent_hugepage/enabled");
  if (!Mode || (!(*Mode)->getBuffer().contains("[always]") &&
                !(*Mode)->getBuffer().contains("[madvise]")))
    return;
  std::string Value = "glibc.malloc.hugetlb=1";
  if (Tunables && *Tunables)
    Value = std::string(Tunables) + ":" + Value;
  if (setenv("GLIBC_TUNABLES", Value.c_str(), 1) != 0)
    return;
  execv("/proc/self/exe", const_cast<char *const *>(Argv));
  // Could not start again: go on as we are.
  if (Tunables)
    setenv("GLIBC_TUNABLES", Tunables, 1);
  else
    unsetenv("GLIBC_TUNABLES");
#else
  (void)Argv;
#endif
}

} // namespace mpl
