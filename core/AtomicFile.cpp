//===- AtomicFile.cpp -----------------------------------------------------===//
#include "core/AtomicFile.h"
#include <cerrno>
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
  std::string Temp = Path + ".mpl-XXXXXX";
  int FD = ::mkstemp(Temp.data());
  if (FD < 0)
    return "cannot create a temporary file next to it: " +
           std::string(std::strerror(errno));
  auto Fail = [&](const char *What) {
    std::string Msg = std::string(What) + ": " + std::strerror(errno);
    ::close(FD);
    ::unlink(Temp.c_str());
    return Msg;
  };
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
  }
  if (::fchmod(FD, St.st_mode & 07777) != 0)
    return Fail("cannot keep the file mode");
  if (::fsync(FD) != 0)
    return Fail("fsync failed");
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
