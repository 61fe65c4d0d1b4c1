//===- AtomicFile.cpp -----------------------------------------------------===//
#include "core/AtomicFile.h"
#include "core/FaultHooks.h"
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mpl {

std::string writeFileAtomically(llvm::StringRef PathRef,
                                llvm::StringRef Contents) {
  std::string Path = PathRef.str();
  struct stat St;
  if (::stat(Path.c_str(), &St) != 0)
    return std::string("cannot stat: ") + std::strerror(errno);
  // Root may write anything; a file without write bits is still the
  // user's way of saying "do not touch".
  if (::access(Path.c_str(), W_OK) != 0 || (St.st_mode & 0222) == 0)
    return "file is read-only; left unchanged";
  // Prefer an anonymous temporary (O_TMPFILE): a run killed with SIGKILL
  // while writing leaves nothing behind, not even a temporary file. It gets
  // a name only once complete, just before the rename.
  std::string Dir = Path.substr(0, Path.find_last_of('/') == std::string::npos
                                       ? 0
                                       : Path.find_last_of('/'));
  if (Dir.empty())
    Dir = Path.find('/') == 0 ? "/" : ".";
  bool Anonymous = true;
  std::string Temp;
  int FD = ::open(Dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (FD < 0) {
    Anonymous = false;
    Temp = Path + ".mpl-XXXXXX";
    FD = ::mkstemp(Temp.data());
  }
  if (FD < 0)
    return "cannot create a temporary file next to it: " +
           std::string(std::strerror(errno));
  auto Fail = [&](const char *What) {
    std::string Msg = std::string(What) + ": " + std::strerror(errno);
    ::close(FD);
    if (!Temp.empty())
      ::unlink(Temp.c_str());
    return Msg;
  };
  // Test builds only (core/FaultHooks.h): stall half-way through the write,
  // so a test can kill the run there.
  unsigned Stall = faultHooks().WriteStallSeconds;
  const char *Data = Contents.data();
  size_t Left = Contents.size();
  while (Left > 0) {
    ssize_t N = ::write(FD, Data, Left);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return Fail("write failed");
    }
    Data += N;
    Left -= static_cast<size_t>(N);
    if (Stall && Left <= Contents.size() / 2) {
      ::sleep(Stall);
      Stall = 0;
    }
  }
  if (::fchmod(FD, St.st_mode & 07777) != 0)
    return Fail("cannot keep the file mode");
  if (::fsync(FD) != 0)
    return Fail("fsync failed");
  if (Anonymous) {
    // Name the finished file next to its target, then rename over it.
    std::string Proc = "/proc/self/fd/" + std::to_string(FD);
    for (unsigned Try = 0; Try < 100; ++Try) {
      Temp = Path + ".mpl-" + std::to_string(::getpid()) + "-" +
             std::to_string(Try);
      if (::linkat(AT_FDCWD, Proc.c_str(), AT_FDCWD, Temp.c_str(),
                   AT_SYMLINK_FOLLOW) == 0)
        break;
      if (errno != EEXIST) {
        Temp.clear();
        return Fail("cannot name the temporary file");
      }
    }
  }
  if (::close(FD) != 0) {
    ::unlink(Temp.c_str());
    return std::string("close failed: ") + std::strerror(errno);
  }
  if (::rename(Temp.c_str(), Path.c_str()) != 0) {
    std::string Msg = std::string("rename failed: ") + std::strerror(errno);
    ::unlink(Temp.c_str());
    return Msg;
  }
  return "";
}

} // namespace mpl
