// Xapian's own servers for the shard and replica tests, as an operator runs them: xapian-tcpsrv
// (a shard over the remote backend) and xapian-replicate-server / xapian-replicate, each on a free
// port of 127.0.0.1, in a process group of its own (xapian-tcpsrv signals its whole group when it
// stops), stopped, paused and resumed like a machine that goes down or hangs.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace vankho::testing {

// The folder holding xapian-tcpsrv and friends, "" when xapian-tools is not installed.
[[nodiscard]] std::string xapian_tools_dir();

// A port of 127.0.0.1 that was free a moment ago.
[[nodiscard]] int free_port();

class ServerProcess {
 public:
  // Starts argv (argv[0] a path) with output to `log_path`; with `port`, waits until it accepts
  // connections there (throws std::runtime_error after 20 s).
  ServerProcess(std::vector<std::string> argv, std::string log_path, int port = 0);
  ~ServerProcess();  // SIGKILL to its group
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  void stop();     // SIGKILL to its group, and waits
  void restart();  // the same command again (waits for the port as at first)
  void pause();    // SIGSTOP: connections are accepted by the kernel, never answered
  void resume();   // SIGCONT
  [[nodiscard]] int port() const { return port_; }

 private:
  void start();
  std::vector<std::string> argv_;
  std::string log_path_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// xapian-tcpsrv --port PORT --interface 127.0.0.1 DATABASE (with extra options, e.g. --idle-timeout).
[[nodiscard]] std::vector<std::string> tcpsrv_command(int port, const std::string& database,
                                                      const std::vector<std::string>& options = {});

// Whether 127.0.0.1:port accepts a connection now.
[[nodiscard]] bool port_open(int port);

}  // namespace vankho::testing
