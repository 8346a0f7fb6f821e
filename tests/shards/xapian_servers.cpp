#include "xapian_servers.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace vankho::testing {

std::string xapian_tools_dir() {
  for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
    if (std::filesystem::exists(std::string(dir) + "/xapian-tcpsrv")) return dir;
  }
  return "";
}

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    throw std::runtime_error("no free port");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

bool port_open(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

ServerProcess::ServerProcess(std::vector<std::string> argv, std::string log_path, int port)
    : argv_(std::move(argv)), log_path_(std::move(log_path)), port_(port) {
  start();
}

ServerProcess::~ServerProcess() { stop(); }

void ServerProcess::start() {
  pid_ = fork();
  if (pid_ == 0) {
    setsid();
    const int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(log, 1);
    dup2(log, 2);
    std::vector<char*> args;
    for (auto& a : argv_) args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  if (port_ == 0) return;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!port_open(port_)) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error(argv_[0] + " exited before listening on port " + std::to_string(port_) +
                               " (log: " + log_path_ + ")");
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error(argv_[0] + " did not listen on port " + std::to_string(port_));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void ServerProcess::stop() {
  if (pid_ <= 0) return;
  kill(-pid_, SIGKILL);
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

void ServerProcess::restart() {
  stop();
  start();
}

void ServerProcess::pause() {
  if (pid_ > 0) kill(-pid_, SIGSTOP);
}

void ServerProcess::resume() {
  if (pid_ > 0) kill(-pid_, SIGCONT);
}

std::vector<std::string> tcpsrv_command(int port, const std::string& database, const std::vector<std::string>& options) {
  std::vector<std::string> argv{xapian_tools_dir() + "/xapian-tcpsrv", "--port", std::to_string(port),
                                "--interface", "127.0.0.1"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back(database);
  return argv;
}

}  // namespace vankho::testing
