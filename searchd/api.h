// The HTTP API: routes a parsed request to its handler and writes a JSON response (or a static
// file). Every failure becomes a JSON error: 400 naming the parameter, 401, 404, 405 with Allow,
// 503 when the index cannot be read; no exception text ever reaches a client.
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "access_log.h"
#include "config.h"
#include "index_watcher.h"
#include "metrics.h"
#include "response_cache.h"
#include "routes.h"
#include "searcher_pool.h"
#include "security.h"
#include "static_files.h"
#include "task_queue.h"

namespace vankho::searchd {

struct ApiParts {
  const Config& config;
  SearcherPool& pool;
  ResponseCache& cache;
  IndexWatcher& watcher;
  Metrics& metrics;
  AccessLog& log;
  const QueueStats& queue;
  const StaticFiles* files;  // null without --web
  std::chrono::steady_clock::time_point started;
};

class Api {
 public:
  explicit Api(ApiParts parts);

  // Answers `req` into `res` (status, headers, body). Never throws.
  void handle(const httplib::Request& req, httplib::Response& res);

  // A JSON body for a response httplib produced itself (malformed request, URI or body too long).
  void describe_transport_error(const httplib::Request& req, httplib::Response& res);

  // The 503 a shed connection gets.
  void refuse_overloaded(httplib::Response& res);

 private:
  void dispatch(const RouteMatch& m, const httplib::Request& req, httplib::Response& res);
  // Runs `f` with a leased searcher, mapping index failures to 503.
  void with_searcher(httplib::Response& res, const std::function<void(query::Searcher&)>& f);
  void log_error(const std::string& what, const std::string& detail);

  void search(const httplib::Request& req, httplib::Response& res);
  void document(const std::string& id, const httplib::Request& req, httplib::Response& res);
  void similar(const std::string& id, const httplib::Request& req, httplib::Response& res);
  void original(const std::string& id, const httplib::Request& req, httplib::Response& res);
  void citations(const std::string& code, const httplib::Request& req, httplib::Response& res);
  void suggest(const httplib::Request& req, httplib::Response& res);
  void health(const httplib::Request& req, httplib::Response& res);
  void metrics(const httplib::Request& req, httplib::Response& res);
  void admin_reload(const httplib::Request& req, httplib::Response& res);
  void static_file(const std::string& path, httplib::Response& res);

  ApiParts parts_;
  RouteTable routes_;
  CorsPolicy cors_;
};

}  // namespace vankho::searchd
