#include "searchd_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace vankho::testing {
namespace {

// The log's last lines, for a failure message (the log's folder is gone once the test ends).
std::string log_tail(const std::string& log_path) {
  std::ifstream in(log_path);
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  return all.size() > 2000 ? "..." + all.substr(all.size() - 2000) : all;
}

// fork + exec with stdout to `out_fd` (or the log) and stderr appended to the log.
pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env, const std::string& log_path,
            int out_fd) {
  std::vector<std::string> envs;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('=') + 1);
    const bool replaced = std::any_of(env.begin(), env.end(), [&](const std::string& v) { return v.starts_with(name); });
    if (!replaced) envs.push_back(entry);
  }
  envs.insert(envs.end(), env.begin(), env.end());
  const pid_t pid = fork();
  if (pid == 0) {
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(out_fd >= 0 ? out_fd : log, 1);
    dup2(log, 2);
    std::vector<char*> args, envp;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : envs) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  return pid;
}

}  // namespace

int run_indexer(const std::string& index_dir, const std::vector<std::string>& paths, const std::string& log_path,
                const std::vector<std::string>& options) {
  std::vector<std::string> argv{VANKHO_INDEXER, "--index", index_dir};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.insert(argv.end(), paths.begin(), paths.end());
  const pid_t pid = spawn(argv, {}, log_path, -1);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

SearchdProcess::SearchdProcess(const std::string& index_dir, const std::vector<std::string>& args,
                               const std::string& log_path, const std::vector<std::string>& env) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> argv{VANKHO_SEARCHD, "--index", index_dir, "--listen", "127.0.0.1:0"};
  argv.insert(argv.end(), args.begin(), args.end());
  pid_ = spawn(argv, env, log_path, pipe_fds[1]);
  close(pipe_fds[1]);

  // The first stdout line: "listening on 127.0.0.1:PORT".
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{pipe_fds[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[256];
    const ssize_t n = read(pipe_fds[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<size_t>(n));
  }
  close(pipe_fds[0]);
  const std::string prefix = "listening on 127.0.0.1:";
  if (!line.starts_with(prefix)) {
    stop(SIGKILL);
    throw std::runtime_error("vankho-searchd did not start (first line: '" + line + "'); its log " + log_path + ":\n" +
                             log_tail(log_path));
  }
  port_ = std::stoi(line.substr(prefix.size()));
}

SearchdProcess::~SearchdProcess() {
  if (running()) stop(SIGKILL);
}

bool SearchdProcess::running() {
  if (exited_ || pid_ <= 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    exited_ = true;
    return false;
  }
  return true;
}

int SearchdProcess::stop(int signal, std::chrono::milliseconds timeout) {
  if (exited_ || pid_ <= 0) return -1;
  kill(pid_, signal);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exited_ = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

}  // namespace vankho::testing
