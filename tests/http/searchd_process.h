// The real binaries for HTTP tests: vankho-indexer run to completion, and vankho-searchd started
// on a free port of 127.0.0.1 (it prints `listening on 127.0.0.1:PORT` first), stopped by a signal.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace vankho::testing {

// Runs vankho-indexer --index DIR OPTIONS... PATH...; returns its exit status (output goes to
// `log_path`).
int run_indexer(const std::string& index_dir, const std::vector<std::string>& paths, const std::string& log_path,
                const std::vector<std::string>& options = {});

class SearchdProcess {
 public:
  // Starts vankho-searchd --index DIR --listen 127.0.0.1:0 ARGS..., with `env` (NAME=value) added;
  // stderr (the access log) goes to `log_path`. Throws std::runtime_error if it does not listen.
  SearchdProcess(const std::string& index_dir, const std::vector<std::string>& args, const std::string& log_path,
                 const std::vector<std::string>& env = {});
  ~SearchdProcess();  // SIGKILL if still running
  SearchdProcess(const SearchdProcess&) = delete;
  SearchdProcess& operator=(const SearchdProcess&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] pid_t pid() const { return pid_; }
  [[nodiscard]] bool running();

  // Sends `signal` and waits up to `timeout` for the exit; the exit status, or -1 on timeout.
  int stop(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(15));

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  bool exited_ = false;
};

}  // namespace vankho::testing
