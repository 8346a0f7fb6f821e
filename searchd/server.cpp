#include "server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "json_response.h"
#include "request_context.h"

namespace vankho::searchd {
namespace {

using HandlerResponse = httplib::Server::HandlerResponse;

// A request whose body httplib must read (and bound) before it is answered.
bool has_body(const httplib::Request& req) {
  const std::string length = req.get_header_value("Content-Length");
  return !length.empty() && length != "0";
}

// Set by the logger (which httplib calls for every response, on the worker that answered it):
// the connection must be closed after this response.
thread_local bool t_close_after = false;
// The request being answered is its connection's last (httplib adds `Connection: close` itself).
thread_local bool t_last_request = false;

int poll_ms(time_t sec, time_t usec) {
  return static_cast<int>(std::min<long long>(static_cast<long long>(sec) * 1000 + usec / 1000, 3600000));
}

bool wait_for(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  for (;;) {
    const int r = ::poll(&p, 1, timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    return r > 0;
  }
}

void address_of(const sockaddr_storage& addr, socklen_t len, std::string& ip, int& port) {
  char host[NI_MAXHOST] = "";
  char serv[NI_MAXSERV] = "";
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

// A connection's stream across its requests: one buffer, so that bytes read past a request (the
// next, pipelined one) are not lost. The socket is non-blocking; timeouts are enforced by poll().
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(int fd, std::string pending, int read_ms, int write_ms)
      : fd_(fd), buf_(std::move(pending)), read_ms_(read_ms), write_ms_(write_ms) {}

  bool is_readable() const override { return off_ < buf_.size() || wait_for(fd_, POLLIN, read_ms_); }
  bool is_writable() const override { return wait_for(fd_, POLLOUT, write_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    if (off_ == buf_.size()) {
      buf_.clear();
      off_ = 0;
      const ssize_t n = fill();
      if (n <= 0) return n;
    }
    const size_t k = std::min(size, buf_.size() - off_);
    std::memcpy(ptr, buf_.data() + off_, k);
    off_ += k;
    return static_cast<ssize_t>(k);
  }

  ssize_t write(const char* ptr, size_t size) override {
    size_t done = 0;
    while (done < size) {
      const ssize_t n = ::send(fd_, ptr + done, size - done, MSG_NOSIGNAL);
      if (n > 0) {
        done += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!wait_for(fd_, POLLOUT, write_ms_)) return -1;
      } else {
        return -1;
      }
    }
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, len, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, len, ip, port);
  }
  socket_t socket() const override { return fd_; }

  [[nodiscard]] std::string_view unread() const { return std::string_view(buf_).substr(off_); }
  [[nodiscard]] std::string take_unread() { return buf_.substr(off_); }

 private:
  // Reads what arrives within the read timeout: bytes read, 0 at end of stream, -1 otherwise.
  ssize_t fill() {
    char tmp[16384];
    for (;;) {
      const ssize_t n = ::recv(fd_, tmp, sizeof tmp, 0);
      if (n > 0) {
        buf_.append(tmp, static_cast<size_t>(n));
        return n;
      }
      if (n == 0) return 0;
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
      if (!wait_for(fd_, POLLIN, read_ms_)) return -1;
    }
  }

  int fd_;
  std::string buf_;
  size_t off_ = 0;
  int read_ms_, write_ms_;
};

void close_socket(int fd) {
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

}  // namespace

bool HttpServer::process_and_close_socket(socket_t sock) {
  const int flags = ::fcntl(sock, F_GETFL, 0);
  ::fcntl(sock, F_SETFL, flags | O_NONBLOCK);
  const int one = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (on_accept) {
    on_accept(sock);
  } else {
    close_socket(sock);
  }
  return true;
}

bool HttpServer::serve(Connection& c) {
  ConnectionStream strm(c.fd, std::move(c.pending), poll_ms(read_timeout_sec_, read_timeout_usec_),
                        poll_ms(write_timeout_sec_, write_timeout_usec_));
  bool stays_open = false;
  for (bool first = true; c.requests_left > 0; first = false) {
    if (!first) {
      if (svr_sock_ == INVALID_SOCKET) break;  // stopping: the request in flight was answered
      if (!request_ready(strm.unread(), max_body)) {
        stays_open = true;  // idle (or its next head is on the way): wait at the gate, not here
        break;
      }
    }
    const bool last = c.requests_left == 1;
    --c.requests_left;
    t_close_after = false;
    t_last_request = last;
    bool closed = false;
    const bool ok = process_request(strm, last, closed, nullptr);
    if (!ok || closed || last || t_close_after) break;
  }
  if (stays_open) {
    c.pending = strm.take_unread();
    return true;
  }
  close_socket(c.fd);
  c.fd = -1;
  return false;
}

Server::Server(Config config)
    : config_(std::move(config)),
      started_(std::chrono::steady_clock::now()),
      log_(config_.log_file, config_.access_log),
      audit_(config_.audit_log),
      callers_(config_.keys, config_.trusted_proxies, config_.anonymous_level),
      pool_(config_.index_dir),
      cache_(config_.cache_entries, config_.cache_bytes),
      watcher_(config_.index_dir, pool_, std::chrono::milliseconds(config_.reload_interval_ms),
               [this](const ReloadEvent& ev) {
                 if (!ev.error.empty()) {
                   log_.event("reload_failed", {{"error", ev.error}, {"took_ms", ev.took_ms}});
                   return;
                 }
                 if (!ev.changed) {  // suggestions built on a level's first use
                   log_.event("suggest_built", {{"levels", ev.suggest_levels}, {"suggest_ms", ev.suggest_ms}});
                   return;
                 }
                 metrics_.count_reload();
                 log_.event("reload", {{"revision", ev.revision}, {"documents", ev.documents},
                                       {"took_ms", ev.took_ms}, {"suggest_levels", ev.suggest_levels},
                                       {"suggest_ms", ev.suggest_ms}});
               }) {
  if (!config_.web_dir.empty()) files_ = std::make_unique<StaticFiles>(config_.web_dir);
  // The anonymous level's suggestions are built right after the first state; others on first use.
  watcher_.keep_completions(config_.anonymous_level);
  api_ = std::make_unique<Api>(
      ApiParts{config_, pool_, cache_, watcher_, metrics_, log_, callers_, audit_, queue_, files_.get(), started_});
  configure_http();
}

Server::~Server() {
  stop();
  watcher_.stop();
}

void Server::load_index() { watcher_.start(); }

void Server::configure_http() {
  const size_t threads = config_.threads, max_queue = config_.max_queue;
  const std::chrono::milliseconds header_timeout(config_.header_timeout_ms);
  http_.new_task_queue = [this, threads, max_queue, header_timeout] {
    auto* tasks = new BoundedTaskQueue(threads, max_queue, queue_,
                                       [this](Connection c) { serve_connection(std::move(c)); }, header_timeout,
                                       config_.max_body_bytes);
    tasks_ = tasks;
    return tasks;
  };
  // Accepted sockets wait at the gate, holding no worker, until their request head is complete.
  http_.on_accept = [this, header_timeout](int fd) {
    tasks_.load()->admit(Connection{fd, {}, config_.keep_alive_max}, header_timeout);
  };
  http_.set_keep_alive_max_count(config_.keep_alive_max);
  http_.set_keep_alive_timeout(config_.keep_alive_timeout_s);
  http_.set_read_timeout(config_.io_timeout_s, 0);
  http_.set_write_timeout(config_.io_timeout_s, 0);
  http_.set_payload_max_length(config_.max_body_bytes);
  http_.max_body = config_.max_body_bytes;
  http_.set_tcp_nodelay(true);
  http_.set_default_headers(default_security_headers());

  http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    RequestContext& ctx = current_request();
    ctx = RequestContext{};
    ctx.active = true;
    ctx.started = std::chrono::steady_clock::now();
    if (BoundedTaskQueue::shedding()) {
      ctx.answered = true;
      api_->refuse_overloaded(res);
      return HandlerResponse::Handled;
    }
    if (req.has_header("Transfer-Encoding")) {
      // Chunked bodies are not bounded by the payload limit: refuse them before reading.
      ctx.answered = true;
      add_security_headers(res, ResponseKind::kApi);
      res.set_header("Connection", "close");
      send_error(res, 411, "length_required", "request bodies must be sent with Content-Length, not chunked");
      return HandlerResponse::Handled;
    }
    if (has_body(req)) return HandlerResponse::Unhandled;  // httplib reads it; see the error handler
    api_->handle(req, res);
    // Others wait for a worker: ask this client to reconnect rather than hold one idle.
    if (queue_.queued.load(std::memory_order_relaxed) > 0) res.set_header("Connection", "close");
    return HandlerResponse::Handled;
  });

  // Called for every response with status >= 400. searchd's own errors pass untouched; a request
  // with a body arrives here after httplib read it (no handler is registered), and the errors
  // httplib produces itself (malformed request, URI or body too long) get a JSON body.
  http_.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req,
                                                                      httplib::Response& res) {
    // An error response ends its connection (the logger closes it after the response).
    if (!t_last_request && req.get_header_value("Connection") != "close" && !res.has_header("Connection")) {
      res.set_header("Connection", "close");
    }
    RequestContext& ctx = current_request();
    if (ctx.active && ctx.answered) return HandlerResponse::Unhandled;
    if (ctx.active && (res.status == 404 || res.status == 400)) {
      res.status = -1;
      api_->handle(req, res);
      return HandlerResponse::Handled;
    }
    api_->describe_transport_error(req, res);
    return HandlerResponse::Handled;
  }));

  http_.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    log_.event("error", {{"error", "exception escaped a handler"}, {"detail", req.method + " " + req.path.substr(0, 200)}});
    current_request().answered = true;
    send_error(res, 500, "internal", "the request could not be answered; the server log has the details");
  });

  http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    if (res.status >= 400 || res.get_header_value("Connection") == "close") t_close_after = true;
    RequestContext& ctx = current_request();
    const double ms =
        ctx.active ? std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - ctx.started).count()
                   : 0.0;
    const Route route = ctx.active ? ctx.route : Route::kUnmatched;
    metrics_.observe(route, res.status, ms / 1000.0);
    if (res.status == 503 && BoundedTaskQueue::shedding()) metrics_.count_shed();
    RequestRecord record{req.method, req.path, route_name(route), req.remote_addr, res.status, ms, ctx.hits};
    if (ctx.active && ctx.caller) {
      record.caller = ctx.caller->name;
      record.clearance = std::string(extract::level_slug(ctx.caller->clearance));
    }
    log_.request(record);
    ctx = RequestContext{};
  });
}

void Server::serve_connection(Connection c) {
  if (!http_.serve(c)) return;
  // Kept alive and idle: it waits at the gate for its next request, without a worker.
  BoundedTaskQueue* tasks = tasks_.load();
  tasks->admit(std::move(c), std::chrono::seconds(config_.keep_alive_timeout_s) + tasks->header_timeout());
}

int Server::bind() {
  const auto& a = config_.listen;
  int port = a.port;
  if (a.port == 0) {
    port = http_.bind_to_any_port(a.host);
    if (port <= 0) throw std::runtime_error("--listen: cannot bind " + a.host + ":0");
  } else if (!http_.bind_to_port(a.host, a.port)) {
    throw std::runtime_error("--listen: cannot bind " + a.host + ":" + std::to_string(a.port) +
                             " (in use, or not an address of this machine)");
  }
  // cpp-httplib listens with a backlog of 5: a burst of clients would overflow it and wait for
  // SYN retries (1 s and more). Listening again on the bound socket raises it (Linux).
  const int backlog = static_cast<int>(std::max<size_t>(128, config_.max_queue + config_.threads));
  if (::listen(http_.listening_socket(), std::min(backlog, 65535)) != 0) {
    throw std::runtime_error("--listen: cannot listen on " + a.host + ":" + std::to_string(port));
  }
  return port;
}

bool Server::run() {
  run_started_ = true;
  if (stop_requested_) {
    run_finished_ = true;
    return true;
  }
  const bool ok = http_.listen_after_bind();
  run_finished_ = true;
  return ok;
}

void Server::stop() {
  stop_requested_ = true;
  // listen_after_bind() may not have started its loop yet: httplib's stop() is a no-op until then.
  while (run_started_ && !run_finished_ && !http_.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  http_.stop();
}

}  // namespace vankho::searchd
