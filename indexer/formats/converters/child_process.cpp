// run_child (posix_spawn: no fork of this process's memory, exec errors reported) and
// run_in_child (fork), both watched by one loop: poll on the child's pipes and a pidfd, kill the
// group at a limit, reap.
#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <exception>
#include <string_view>
#include <system_error>
#include <utility>

#include "fork_process.h"

extern char** environ;

namespace vankho::formats {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kMaxErr = 4096;
constexpr auto kDrainAfterExit = std::chrono::seconds(2);
constexpr int kExceptionExit = 70;    // EX_SOFTWARE: `work` threw
constexpr int kWriteFailedExit = 74;  // EX_IOERR: the child could not hand its bytes back

std::string errno_text(int e) { return std::generic_category().message(e); }

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) reset(std::exchange(other.fd_, -1));
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  [[nodiscard]] int get() const { return fd_; }
  [[nodiscard]] bool valid() const { return fd_ >= 0; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);  // never retried on EINTR: on Linux the fd is gone either way
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read, write;
};

// A close-on-exec pipe, or the errno that stopped it.
int make_pipe(Pipe& p) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return errno;
  p.read = Fd(fds[0]);
  p.write = Fd(fds[1]);
  return 0;
}

// argv[0] as execve needs it: itself when it has a '/', else the first executable regular file
// of that name in PATH; "" when there is none.
std::string find_program(const std::string& name) {
  const auto runnable = [](const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
           ::access(path.c_str(), X_OK) == 0;
  };
  if (name.find('/') != std::string::npos) return runnable(name) ? name : "";
  const char* env = std::getenv("PATH");
  const std::string_view path = env != nullptr ? env : "/usr/local/bin:/usr/bin:/bin";
  for (size_t from = 0; from <= path.size();) {
    size_t end = path.find(':', from);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view dir = path.substr(from, end - from);
    const std::string candidate = (dir.empty() ? std::string(".") : std::string(dir)) + "/" + name;
    if (runnable(candidate)) return candidate;
    from = end + 1;
  }
  return "";
}

void kill_group(pid_t pid) {
  ::kill(-pid, SIGKILL);
  ::kill(pid, SIGKILL);  // in case it is not (yet) the leader of its own group
}

// True once `pid` has ended; it stays a zombie (WNOWAIT), so its pid and process-group id cannot
// be reused while the group is killed.
bool has_exited(pid_t pid) {
  siginfo_t info{};
  int rc;
  do {
    rc = ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
  } while (rc != 0 && errno == EINTR);
  return rc != 0 || info.si_pid == pid;  // an error (ECHILD: reaped elsewhere) counts as ended
}

void reap(pid_t pid, ChildResult& r) {
  int status = 0;
  pid_t rc;
  do {
    rc = ::waitpid(pid, &status, 0);
  } while (rc < 0 && errno == EINTR);
  if (rc != pid) return;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
}

enum class ReadEnd { kMore, kEof, kOverCap };

// One read from `fd` into `into`, keeping at most `keep` bytes (`keep_is_cap`: passing it is an
// error, else the rest is drained and dropped).
ReadEnd read_some(int fd, std::string& into, uint64_t keep, bool keep_is_cap) {
  char buf[65536];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  if (n < 0) return (errno == EINTR || errno == EAGAIN) ? ReadEnd::kMore : ReadEnd::kEof;
  if (n == 0) return ReadEnd::kEof;
  const uint64_t room = keep > into.size() ? keep - into.size() : 0;
  into.append(buf, static_cast<size_t>(std::min<uint64_t>(room, static_cast<uint64_t>(n))));
  return keep_is_cap && static_cast<uint64_t>(n) > room ? ReadEnd::kOverCap : ReadEnd::kMore;
}

// Reads the child's stdout and stderr until it has exited and both are closed, or a limit is
// reached (then the group is killed); always reaps it.
ChildResult supervise(pid_t pid, Fd out, Fd err, Clock::time_point deadline, uint64_t max_output) {
  ChildResult r;
  Fd pidfd;
#ifdef SYS_pidfd_open
  pidfd = Fd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
#endif
  bool exited = false;
  while (true) {
    if (!exited && has_exited(pid)) {
      exited = true;
      kill_group(pid);  // what it left behind in its group: the pipes close when they die
      // Only what left its group (setsid) could hold them open longer: not worth waiting for.
      deadline = std::min(deadline, Clock::now() + kDrainAfterExit);
    }
    if (exited && !out.valid() && !err.valid()) break;
    const Clock::time_point now = Clock::now();
    if (now >= deadline) {
      r.timed_out = !exited;
      break;
    }
    auto wait_ms = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
    if (!exited && !pidfd.valid()) wait_ms = std::min<decltype(wait_ms)>(wait_ms, 10);
    pollfd fds[3];
    nfds_t n = 0;
    const auto watch = [&](const Fd& fd) {
      if (fd.valid()) fds[n++] = {fd.get(), POLLIN, 0};
    };
    watch(out);
    watch(err);
    if (!exited) watch(pidfd);
    if (::poll(fds, n, static_cast<int>(std::min<decltype(wait_ms)>(wait_ms, 1 << 30))) < 0) {
      if (errno == EINTR) continue;
      r.timed_out = !exited;  // cannot watch it any more: treat as a hang
      break;
    }
    bool over_cap = false;
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (out.valid() && fds[i].fd == out.get()) {
        const ReadEnd end = read_some(out.get(), r.out, max_output, true);
        if (end == ReadEnd::kEof) out.reset();
        over_cap = over_cap || end == ReadEnd::kOverCap;
      } else if (err.valid() && fds[i].fd == err.get()) {
        if (read_some(err.get(), r.err, kMaxErr, false) == ReadEnd::kEof) err.reset();
      }
    }
    if (over_cap) {
      r.output_capped = true;
      break;
    }
  }
  if (!exited) kill_group(pid);
  reap(pid, r);
  return r;
}

// Writes all of `bytes` to `fd`; false when it cannot.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// The signals a child starts with at their default action, whatever this process does with them.
sigset_t signals_to_reset() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : {SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2,
                SIGXFSZ, SIGXCPU, SIGTSTP, SIGTTIN, SIGTTOU}) {
    sigaddset(&set, s);
  }
  return set;
}

// posix_spawn's attributes and file actions, destroyed with it.
struct SpawnSetup {
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t actions;
  SpawnSetup() {
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_init(&actions);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

}  // namespace

ChildResult run_child(const std::vector<std::string>& argv, std::chrono::milliseconds time_limit,
                      uint64_t max_output) {
  const Clock::time_point deadline = Clock::now() + time_limit;
  ChildResult fail;
  if (argv.empty() || argv[0].empty()) {
    fail.failure = "no program to run";
    return fail;
  }
  const std::string program = find_program(argv[0]);
  if (program.empty()) {
    fail.failure = argv[0].find('/') != std::string::npos
                       ? argv[0] + " is not an executable file"
                       : argv[0] + " is not installed (not found in PATH)";
    return fail;
  }
  Pipe out, err;
  int e = make_pipe(out);
  if (e == 0) e = make_pipe(err);
  Fd null_in(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  if (e == 0 && !null_in.valid()) e = errno;
  if (e != 0) {
    fail.failure = "cannot run " + argv[0] + ": " + errno_text(e);
    return fail;
  }

  SpawnSetup setup;
  posix_spawn_file_actions_adddup2(&setup.actions, null_in.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&setup.actions, out.write.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&setup.actions, err.write.get(), STDERR_FILENO);
  posix_spawn_file_actions_addclosefrom_np(&setup.actions, STDERR_FILENO + 1);
  sigset_t no_signals, defaults = signals_to_reset();
  sigemptyset(&no_signals);
  posix_spawnattr_setflags(&setup.attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&setup.attr, 0);
  posix_spawnattr_setsigmask(&setup.attr, &no_signals);
  posix_spawnattr_setsigdefault(&setup.attr, &defaults);

  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  e = ::posix_spawn(&pid, program.c_str(), &setup.actions, &setup.attr, args.data(), environ);
  if (e != 0) {
    fail.failure = "cannot run " + argv[0] + ": " + errno_text(e);
    return fail;
  }
  out.write.reset();
  err.write.reset();
  null_in.reset();
  return supervise(pid, std::move(out.read), std::move(err.read), deadline, max_output);
}

ChildResult run_in_child(const std::function<std::string()>& work,
                         std::chrono::milliseconds time_limit, uint64_t max_output) {
  const Clock::time_point deadline = Clock::now() + time_limit;
  ChildResult fail;
  Pipe out, err;
  int e = make_pipe(out);
  if (e == 0) e = make_pipe(err);
  if (e != 0) {
    fail.failure = "cannot start a child process: " + errno_text(e);
    return fail;
  }
  const pid_t pid = fork_process();
  if (pid < 0) {
    fail.failure = "fork: " + errno_text(errno);
    return fail;
  }
  if (pid == 0) {
    // The child: never returns into the caller, never runs exit handlers or destructors.
    ::setpgid(0, 0);
    ::signal(SIGPIPE, SIG_DFL);
    ::close(out.read.get());  // else a parent that stops reading would leave the child blocked
    ::close(err.read.get());
    ::dup2(err.write.get(), STDOUT_FILENO);
    ::dup2(err.write.get(), STDERR_FILENO);
    int status = 0;
    try {
      const std::string bytes = work();
      if (!write_all(out.write.get(), bytes)) status = kWriteFailedExit;
    } catch (const std::exception& ex) {
      write_all(STDERR_FILENO, std::string("exception: ") + ex.what() + "\n");
      status = kExceptionExit;
    } catch (...) {
      write_all(STDERR_FILENO, "exception of an unknown type\n");
      status = kExceptionExit;
    }
    ::_exit(status);
  }
  ::setpgid(pid, pid);  // also here, so the group exists before either side goes on
  out.write.reset();
  err.write.reset();
  return supervise(pid, std::move(out.read), std::move(err.read), deadline, max_output);
}

}  // namespace vankho::formats
