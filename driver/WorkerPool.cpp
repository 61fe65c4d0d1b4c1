//===- WorkerPool.cpp -----------------------------------------------------===//
#include "driver/WorkerPool.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace mpl {

std::string JobOutcome::describe(unsigned TimeoutSeconds) const {
  switch (K) {
  case Done:
    return "done";
  case Crashed:
    return "crashed (signal " + std::to_string(Status) +
           (Status > 0 && strsignal(Status)
                ? std::string(", ") + strsignal(Status)
                : std::string()) +
           ")";
  case TimedOut:
    return "timed out after " + std::to_string(TimeoutSeconds) + " s";
  case Failed:
    return "the analysis process failed (exit status " +
           std::to_string(Status) + ")";
  }
  return "";
}

namespace {

using Clock = std::chrono::steady_clock;

struct Running {
  size_t Index;
  pid_t Pid;
  int Fd;
  Clock::time_point Start;
  std::string Buffer;
  bool Eof = false;
};

bool writeAll(int Fd, const std::string &Data) {
  const char *P = Data.data();
  size_t Left = Data.size();
  while (Left) {
    ssize_t N = ::write(Fd, P, Left);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    P += N;
    Left -= static_cast<size_t>(N);
  }
  return true;
}

/// Child side: run the job, send the payload, leave without running the
/// parent's destructors or atexit handlers.
[[noreturn]] void runChild(int Fd, size_t Index,
                           const std::function<std::string(size_t)> &Job) {
  // A crashing clang prints a stack dump; the parent reports one line.
  int Null = ::open("/dev/null", O_WRONLY);
  if (Null >= 0) {
    ::dup2(Null, STDOUT_FILENO);
    if (!::getenv("MPL_WORKER_STDERR"))
      ::dup2(Null, STDERR_FILENO);
    ::close(Null);
  }
  std::signal(SIGPIPE, SIG_DFL);
  std::string Payload = Job(Index);
  bool Ok = writeAll(Fd, Payload);
  ::close(Fd);
  ::_exit(Ok ? 0 : 3);
}

/// The parent side: at most Workers children at a time, each reaped when
/// its pipe closes or killed at its deadline.
class Pool {
public:
  Pool(size_t Count, const PoolOptions &Opts,
       const std::function<std::string(size_t)> &Job,
       const std::function<void(size_t, const JobOutcome &)> &OnDone)
      : Count(Count), Opts(Opts), Job(Job), OnDone(OnDone), Outcomes(Count),
        Workers(Opts.Workers ? Opts.Workers : 1) {}

  std::vector<JobOutcome> run() {
    // Nothing buffered may be duplicated into the children.
    llvm::outs().flush();
    llvm::errs().flush();
    fflush(nullptr);
    while (Next < Count || !Active.empty()) {
      while (Next < Count && Active.size() < Workers)
        start(Next++);
      if (Active.empty())
        continue;
      if (!waitForOutput())
        break;
      reap();
    }
    return std::move(Outcomes);
  }

private:
  void start(size_t Index) {
    int Fds[2];
    if (::pipe2(Fds, O_CLOEXEC) != 0)
      return failToStart(Index);
    pid_t Pid = ::fork();
    if (Pid == 0) {
      ::close(Fds[0]);
      runChild(Fds[1], Index, Job);
    }
    ::close(Fds[1]);
    if (Pid < 0) {
      ::close(Fds[0]);
      return failToStart(Index);
    }
    Active.push_back({Index, Pid, Fds[0], Clock::now(), {}, false});
  }

  void failToStart(size_t Index) {
    JobOutcome O;
    O.K = JobOutcome::Failed;
    O.Status = -1;
    Running R{Index, -1, -1, Clock::now(), {}, true};
    finish(R, std::move(O));
  }

  /// Reads what the children sent until output, an exit (EOF) or the
  /// nearest deadline. False when poll() fails.
  bool waitForOutput() {
    std::vector<pollfd> Polls;
    int WaitMs = -1;
    auto Now = Clock::now();
    for (Running &R : Active) {
      Polls.push_back({R.Fd, POLLIN, 0});
      if (Opts.TimeoutSeconds) {
        auto Deadline = R.Start + std::chrono::seconds(Opts.TimeoutSeconds);
        long Ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      Deadline - Now)
                      .count();
        Ms = Ms < 0 ? 0 : Ms + 1;
        if (WaitMs < 0 || Ms < WaitMs)
          WaitMs = static_cast<int>(Ms);
      }
    }
    int N = ::poll(Polls.data(), Polls.size(), WaitMs);
    if (N < 0 && errno != EINTR)
      return false;
    for (size_t I = 0; I < Active.size(); ++I) {
      if (!(Polls[I].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      char Buf[65536];
      ssize_t Got = ::read(Active[I].Fd, Buf, sizeof Buf);
      if (Got > 0)
        Active[I].Buffer.append(Buf, static_cast<size_t>(Got));
      else if (Got == 0 || (errno != EINTR && errno != EAGAIN))
        Active[I].Eof = true;
    }
    return true;
  }

  /// Reaps finished children; kills the ones past their deadline.
  void reap() {
    auto Now = Clock::now();
    for (size_t I = 0; I < Active.size();) {
      Running &R = Active[I];
      bool Late = Opts.TimeoutSeconds &&
                  Now - R.Start >= std::chrono::seconds(Opts.TimeoutSeconds);
      if (!R.Eof && !Late) {
        ++I;
        continue;
      }
      JobOutcome O = R.Eof ? collect(R) : kill(R);
      ::close(R.Fd);
      finish(R, std::move(O));
      Active.erase(Active.begin() + I);
    }
  }

  static JobOutcome kill(Running &R) {
    int Status = 0;
    ::kill(R.Pid, SIGKILL);
    while (::waitpid(R.Pid, &Status, 0) < 0 && errno == EINTR) {
    }
    JobOutcome O;
    O.K = JobOutcome::TimedOut;
    return O;
  }

  static JobOutcome collect(Running &R) {
    int Status = 0;
    while (::waitpid(R.Pid, &Status, 0) < 0 && errno == EINTR) {
    }
    JobOutcome O;
    if (WIFSIGNALED(Status)) {
      O.K = JobOutcome::Crashed;
      O.Status = WTERMSIG(Status);
    } else if (WIFEXITED(Status) && WEXITSTATUS(Status) == 0) {
      O.K = JobOutcome::Done;
      O.Payload = std::move(R.Buffer);
    } else {
      O.K = JobOutcome::Failed;
      O.Status = WIFEXITED(Status) ? WEXITSTATUS(Status) : -1;
    }
    return O;
  }

  void finish(Running &R, JobOutcome O) {
    O.Seconds = std::chrono::duration<double>(Clock::now() - R.Start).count();
    Outcomes[R.Index] = std::move(O);
    if (OnDone)
      OnDone(R.Index, Outcomes[R.Index]);
  }

  size_t Count;
  const PoolOptions &Opts;
  const std::function<std::string(size_t)> &Job;
  const std::function<void(size_t, const JobOutcome &)> &OnDone;
  std::vector<JobOutcome> Outcomes;
  std::vector<Running> Active;
  unsigned Workers;
  size_t Next = 0;
};

} // namespace

std::vector<JobOutcome>
runJobs(size_t Count, const PoolOptions &Opts,
        const std::function<std::string(size_t)> &Job,
        const std::function<void(size_t, const JobOutcome &)> &OnDone) {
  return Pool(Count, Opts, Job, OnDone).run();
}

} // namespace mpl
