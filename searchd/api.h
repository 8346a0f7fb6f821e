// The HTTP API: routes a parsed request to its handler and writes a JSON response (or a static
// file). Every route that reads the index answers at the caller's clearance (caller.h). Every
// failure becomes a JSON error: 400 naming the parameter, 401, 404, 405 with Allow, 503 when the
// index cannot be read; no exception text ever reaches a client.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "access_log.h"
#include "audit_log.h"
#include "caller.h"
#include "config.h"
#include "index_watcher.h"
#include "metrics.h"
#include "params.h"
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
  const CallerPolicy& callers;
  AuditLog& audit;
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
  void dispatch(const RouteMatch& m, const Caller& caller, const httplib::Request& req, httplib::Response& res);
  // Who is asking; nullopt when the request was refused (the response is written).
  std::optional<Caller> identify(const httplib::Request& req, httplib::Response& res);
  // Runs `f` with a leased searcher of `clearance`, mapping index failures to 503.
  void with_searcher(extract::AccessLevel clearance, httplib::Response& res,
                     const std::function<void(query::Searcher&)>& f);
  // Writes the audit line of a view of a document at `level` (when it is audited); false when it
  // could not be written, and then the response is a 503.
  bool audit(const Caller& caller, const httplib::Request& req, const std::string& id, extract::AccessLevel level,
             const char* route, httplib::Response& res);
  void log_error(const std::string& what, const std::string& detail);

  void search(const Caller& caller, const Params& params, httplib::Response& res);
  // Every hit of a search (up to kMaxExportRows) as CSV (export_csv.h).
  void search_csv(const Caller& caller, const httplib::Request& req, const Params& params, httplib::Response& res);
  // The newest hits of a search (sorted by date) as an Atom feed (export_atom.h).
  void search_atom(const Caller& caller, const httplib::Request& req, const Params& params, httplib::Response& res);
  // The search page's address for links in exports: --public-url, else http://HOST/.
  [[nodiscard]] std::string page_url(const httplib::Request& req) const;
  void document(const Caller& caller, const std::string& id, const httplib::Request& req, const Params& params, httplib::Response& res);
  void similar(const Caller& caller, const std::string& id, const Params& params, httplib::Response& res);
  // Why document `id` answers the search the parameters describe (those of /api/search).
  void explain(const Caller& caller, const std::string& id, const Params& params, httplib::Response& res);
  void original(const Caller& caller, const std::string& id, const httplib::Request& req, const Params& params, httplib::Response& res);
  void citations(const Caller& caller, const std::string& code, const Params& params, httplib::Response& res);
  void suggest(const Caller& caller, const Params& params, httplib::Response& res);
  void health(const Caller& caller, const Params& params, httplib::Response& res);
  void metrics(const Caller& caller, const Params& params, httplib::Response& res);
  void admin_reload(const httplib::Request& req, httplib::Response& res);
  void static_file(const std::string& path, httplib::Response& res);

  ApiParts parts_;
  RouteTable routes_;
  CorsPolicy cors_;
  std::atomic<int64_t> ignored_headers_logged_{-1};  // steady-clock seconds of the last such event (-1: none)
};

}  // namespace vankho::searchd
