// vankho-searchd's server: cpp-httplib configured for an internal service — an explicit worker
// pool with a bounded queue, keep-alive and I/O limits, body limits, security headers, the access
// log and metrics on every response — in front of the Api, with the index watcher reloading.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "access_log.h"
#include "api.h"
#include "audit_log.h"
#include "caller.h"
#include "config.h"
#include "index_watcher.h"
#include "metrics.h"
#include "response_cache.h"
#include "searcher_pool.h"
#include "static_files.h"
#include "task_queue.h"

namespace vankho::searchd {

// cpp-httplib's server with searchd's own connection loop: an accepted socket goes to the task
// queue's gate instead of a worker (see task_queue.h), and a worker serves a connection from one
// buffer kept across its requests, so pipelined requests are answered in order.
class HttpServer : public httplib::Server {
 public:
  // Called on the listener thread with every accepted socket.
  std::function<void(int fd)> on_accept;
  // The longest body the gate waits for (Config::max_body_bytes): see request_ready().
  size_t max_body = 0;

  // Answers the requests of `c` while whole heads are at hand. True when the connection stays
  // open for another request (it is then idle: park it at the gate); false when it was closed.
  bool serve(Connection& c);

  [[nodiscard]] int listening_socket() const { return static_cast<int>(svr_sock_); }

 private:
  bool process_and_close_socket(socket_t sock) override;
};

class Server {
 public:
  // Opens the logs and the web folder (throws std::runtime_error naming the option).
  explicit Server(Config config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the index (throws query::IndexUnavailable) and starts watching it for new revisions.
  void load_index();
  // Reads the index again now and rebuilds the suggestions (SIGHUP, like POST /api/admin/reload);
  // the reload is logged like any other.
  void reload_index() { (void)watcher_.check_now(); }

  // Binds the listening socket; returns the port (the chosen one when the config says 0).
  // Throws std::runtime_error when the address cannot be bound.
  int bind();

  // Serves until stop(); returns once every request in flight has been answered.
  // False when the server could not run.
  bool run();

  // Stops accepting connections and lets run() finish the requests in flight. Thread-safe.
  void stop();

  AccessLog& log() { return log_; }

 private:
  void configure_http();
  void serve_connection(Connection c);

  Config config_;
  std::chrono::steady_clock::time_point started_;
  AccessLog log_;
  AuditLog audit_;
  CallerPolicy callers_;
  Metrics metrics_;
  QueueStats queue_;
  SearcherPool pool_;
  ResponseCache cache_;
  IndexWatcher watcher_;
  std::unique_ptr<StaticFiles> files_;
  std::unique_ptr<Api> api_;
  HttpServer http_;
  std::atomic<BoundedTaskQueue*> tasks_{nullptr};  // the queue httplib made for the running listener
  std::atomic<bool> stop_requested_{false}, run_started_{false}, run_finished_{false};
};

}  // namespace vankho::searchd
