// vankho-searchd: the HTTP JSON search service. Exit status: 0 after SIGTERM/SIGINT (requests in
// flight finished), 1 when the index or the address cannot be used, 2 on bad options. SIGHUP reads
// the index again. Under systemd (Type=notify) it says when it is ready, reloading and stopping;
// elsewhere sd_notify() does nothing.
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <systemd/sd-daemon.h>

#include <iostream>
#include <thread>

#include "config.h"
#include "server.h"

using namespace vankho;

namespace {

constexpr int kRuntimeError = 1;
constexpr int kUsageError = 2;

// Each searcher holds a few files per access level it opens, and there may be one per worker
// thread and level in use: take the hard limit of open files rather than the soft 1024 a shell or
// a service manager starts with (cpp-httplib and searchd poll, never select).
void raise_open_files_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

std::string shown_address(const searchd::ListenAddress& a, int port) {
  const bool v6 = a.host.find(':') != std::string::npos;
  return (v6 ? "[" + a.host + "]" : a.host) + ":" + std::to_string(port);
}

}  // namespace

int main(int argc, char** argv) {
  const searchd::ConfigResult parsed = searchd::parse_config(argc, argv);
  if (parsed.help) {
    std::cout << parsed.message;
    return 0;
  }
  if (!parsed.config) {
    std::cerr << "vankho-searchd: " << parsed.message << "\n(see vankho-searchd --help)\n";
    return kUsageError;
  }
  const searchd::Config& config = *parsed.config;
  raise_open_files_limit();

  // Signals are taken by sigwait() below; every thread started from here on inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  try {
    searchd::Server server(config);
    server.load_index();
    const int port = server.bind();
    const std::string address = shown_address(config.listen, port);
    std::cout << "listening on " << address << std::endl;
    server.log().event("start", {{"listen", address}, {"index", config.index_dir}, {"threads", config.threads},
                                 {"max_queue", config.max_queue}});

    bool served = true;
    std::thread listener([&] {
      served = server.run();
      if (!served) kill(getpid(), SIGTERM);  // wake sigwait() below
    });
    sd_notifyf(0, "READY=1\nSTATUS=serving %s on %s", config.index_dir.c_str(), address.c_str());
    int signal_number = 0;
    while (sigwait(&stop_signals, &signal_number) == 0 && signal_number == SIGHUP) {
      sd_notify(0, "RELOADING=1");
      server.log().event("sighup", nlohmann::json::object());
      server.reload_index();
      sd_notify(0, "READY=1");
    }
    sd_notify(0, "STOPPING=1");
    server.log().event("stopping", {{"signal", signal_number == SIGINT ? "SIGINT" : "SIGTERM"}});
    server.stop();
    listener.join();
    if (!served) {
      std::cerr << "vankho-searchd: the server stopped unexpectedly\n";
      return kRuntimeError;
    }
    server.log().event("stop", nlohmann::json::object());
    return 0;
  } catch (const query::IndexUnavailable& e) {
    std::cerr << "vankho-searchd: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "vankho-searchd: " << e.what() << "\n";
  }
  return kRuntimeError;
}
