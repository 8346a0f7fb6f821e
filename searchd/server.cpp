#include "server.h"

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

}  // namespace

Server::Server(Config config)
    : config_(std::move(config)),
      started_(std::chrono::steady_clock::now()),
      log_(config_.log_file, config_.access_log),
      pool_(config_.index_dir),
      cache_(config_.cache_entries, config_.cache_bytes),
      watcher_(config_.index_dir, pool_, std::chrono::milliseconds(config_.reload_interval_ms),
               [this](const ReloadEvent& ev) {
                 if (!ev.error.empty()) {
                   log_.event("reload_failed", {{"error", ev.error}, {"took_ms", ev.took_ms}});
                   return;
                 }
                 metrics_.count_reload();
                 log_.event("reload", {{"revision", ev.revision}, {"documents", ev.documents},
                                       {"took_ms", ev.took_ms}});
               }) {
  if (!config_.web_dir.empty()) files_ = std::make_unique<StaticFiles>(config_.web_dir);
  api_ = std::make_unique<Api>(ApiParts{config_, pool_, cache_, watcher_, metrics_, log_, queue_, files_.get(), started_});
  configure_http();
}

Server::~Server() {
  stop();
  watcher_.stop();
}

void Server::load_index() { watcher_.start(); }

void Server::configure_http() {
  const size_t threads = config_.threads, max_queue = config_.max_queue;
  http_.new_task_queue = [this, threads, max_queue] { return new BoundedTaskQueue(threads, max_queue, queue_); };
  http_.set_keep_alive_max_count(config_.keep_alive_max);
  http_.set_keep_alive_timeout(config_.keep_alive_timeout_s);
  http_.set_read_timeout(config_.io_timeout_s, 0);
  http_.set_write_timeout(config_.io_timeout_s, 0);
  http_.set_payload_max_length(config_.max_body_bytes);
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
    RequestContext& ctx = current_request();
    const double ms =
        ctx.active ? std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - ctx.started).count()
                   : 0.0;
    const Route route = ctx.active ? ctx.route : Route::kUnmatched;
    metrics_.observe(route, res.status, ms / 1000.0);
    if (res.status == 503 && BoundedTaskQueue::shedding()) metrics_.count_shed();
    log_.request({req.method, req.path, route_name(route), req.remote_addr, res.status, ms, ctx.hits});
    ctx = RequestContext{};
  });
}

int Server::bind() {
  const auto& a = config_.listen;
  if (a.port == 0) {
    const int port = http_.bind_to_any_port(a.host);
    if (port <= 0) throw std::runtime_error("--listen: cannot bind " + a.host + ":0");
    return port;
  }
  if (!http_.bind_to_port(a.host, a.port)) {
    throw std::runtime_error("--listen: cannot bind " + a.host + ":" + std::to_string(a.port) +
                             " (in use, or not an address of this machine)");
  }
  return a.port;
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
