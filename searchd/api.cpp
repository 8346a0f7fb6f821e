#include "api.h"

#include "json_response.h"
#include "params.h"
#include "request_context.h"

namespace vankho::searchd {
namespace {

constexpr const char* kVersion = "0.1.0";
constexpr const char* kRetryOverloaded = "1";
constexpr const char* kRetryUnavailable = "5";
constexpr int64_t kIgnoredHeadersLogEvery = 60;  // seconds

// Routes whose answers depend on who asks.
bool reads_index(Route route) {
  switch (route) {
    case Route::kSearch:
    case Route::kSearchCsv:
    case Route::kSearchAtom:
    case Route::kDocument:
    case Route::kSimilar:
    case Route::kExplain:
    case Route::kOriginal:
    case Route::kCitations:
    case Route::kSuggest:
    case Route::kHealth:
    case Route::kMetrics: return true;
    default: return false;
  }
}

}  // namespace

Api::Api(ApiParts parts)
    : parts_(parts),
      routes_{!parts.config.admin_token.empty(), parts.files != nullptr},
      cors_(parts.config.cors_origins) {}

void Api::handle(const httplib::Request& req, httplib::Response& res) {
  RequestContext& ctx = current_request();
  ctx.answered = true;
  try {
    const RouteMatch m = routes_.match(req.method, req.path);
    ctx.route = m.route;
    add_security_headers(res, m.route == Route::kStatic        ? ResponseKind::kPage
                              : m.route == Route::kAdminReload ? ResponseKind::kAdmin
                                                               : ResponseKind::kApi);
    if (m.api && m.route != Route::kAdminReload) cors_.apply(req, res, m.preflight && m.status == 0, m.allow);
    if (m.status == 404) {
      send_error(res, 404, "not_found", "no such route: " + req.method + " " + req.path.substr(0, 200));
      return;
    }
    if (m.status == 405) {
      res.set_header("Allow", m.allow);
      send_error(res, 405, "method_not_allowed",
                 req.method.substr(0, 20) + " is not allowed on " + req.path.substr(0, 200) + "; allowed: " + m.allow);
      return;
    }
    if (req.method == "OPTIONS") {
      res.set_header("Allow", m.allow);
      res.status = 204;
      return;
    }
    if (!reads_index(m.route)) return dispatch(m, Caller{}, req, res);
    const std::optional<Caller> caller = identify(req, res);
    if (!caller) return;
    ctx.caller = caller;
    // Answers differ by caller: no shared cache may hand one caller's answer to another, and
    // answers above the public level are kept by no cache at all.
    const std::string vary = res.get_header_value("Vary");  // CORS's Origin
    res.headers.erase("Vary");
    res.set_header("Vary", (vary.empty() ? "" : vary + ", ") + "Authorization, " + kUserHeader + ", " + kLevelHeader);
    if (caller->clearance > extract::AccessLevel::kCongKhai) res.set_header("Cache-Control", "private, no-store");
    dispatch(m, *caller, req, res);
  } catch (...) {
    // Nothing below should throw; if it does, the client learns only that it failed.
    log_error("unexpected failure", req.method + " " + req.path.substr(0, 200));
    res.headers.erase("Content-Type");
    send_error(res, 500, "internal", "the request could not be answered; the server log has the details");
  }
}

std::optional<Caller> Api::identify(const httplib::Request& req, httplib::Response& res) {
  Identified who = parts_.callers.identify(req);
  if (who.ignored_headers) {
    // A proxy missing from --trusted-proxy makes every portal user anonymous: say so, once a minute.
    parts_.metrics.count_ignored_identity();
    const int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    int64_t last = ignored_headers_logged_.load(std::memory_order_relaxed);
    if ((last < 0 || now - last >= kIgnoredHeadersLogEvery) &&
        ignored_headers_logged_.compare_exchange_strong(last, now, std::memory_order_relaxed)) {
      parts_.log.event("identity_headers_ignored",
                       {{"remote", req.remote_addr},
                        {"reason", "X-Vankho-User/X-Vankho-Level from an address not given with --trusted-proxy"}});
    }
  }
  if (who.caller) return std::move(who.caller);
  const CallerRefusal& r = who.refusal;
  if (!r.challenge.empty()) res.set_header("WWW-Authenticate", r.challenge);
  send_json(res, r.status, {{"error", {{"code", r.code}, {"message", r.message}, {"header", r.header}}}});
  return std::nullopt;
}

void Api::dispatch(const RouteMatch& m, const Caller& caller, const httplib::Request& req, httplib::Response& res) {
  // Read from the raw target: httplib's own parse merges identical pairs (`sort=date&sort=date`),
  // which would hide a repeated single-valued parameter.
  const Params params = query_params(req.target);
  switch (m.route) {
    case Route::kSearch: return search(caller, params, res);
    case Route::kSearchCsv: return search_csv(caller, req, params, res);
    case Route::kSearchAtom: return search_atom(caller, req, params, res);
    case Route::kDocument: return document(caller, m.arg, req, params, res);
    case Route::kSimilar: return similar(caller, m.arg, params, res);
    case Route::kExplain: return explain(caller, m.arg, params, res);
    case Route::kOriginal: return original(caller, m.arg, req, params, res);
    case Route::kCitations: return citations(caller, m.arg, params, res);
    case Route::kSuggest: return suggest(caller, params, res);
    case Route::kHealth: return health(caller, params, res);
    case Route::kMetrics: return metrics(caller, params, res);
    case Route::kAdminReload: return admin_reload(req, res);
    case Route::kStatic: return static_file(m.arg, res);
    case Route::kUnmatched: break;
  }
  send_error(res, 404, "not_found", "no such route");
}

void Api::log_error(const std::string& what, const std::string& detail) {
  parts_.log.event("error", {{"error", what}, {"detail", detail}});
}

void Api::with_searcher(extract::AccessLevel clearance, httplib::Response& res,
                        const std::function<void(query::Searcher&)>& f) {
  try {
    SearcherPool::Lease lease = parts_.pool.acquire(clearance);
    try {
      f(*lease);
    } catch (const query::IndexReadError&) {
      lease.discard();  // open a fresh reader next time
      throw;
    }
  } catch (const query::IndexUnavailable& e) {
    log_error("index unavailable", e.what());
    res.set_header("Retry-After", kRetryUnavailable);
    send_error(res, 503, "index_unavailable", "the index is not available right now; try again later");
  } catch (const query::IndexReadError& e) {
    log_error("index error", e.what());
    res.set_header("Retry-After", kRetryOverloaded);
    send_error(res, 503, "index_error", "the index could not be read; try again");
  } catch (const std::exception& e) {
    log_error("request failed", e.what());
    send_error(res, 500, "internal", "the request could not be answered; the server log has the details");
  }
}

bool Api::audit(const Caller& caller, const httplib::Request& req, const std::string& id, extract::AccessLevel level,
                const char* route, httplib::Response& res) {
  if (!audited(level)) return true;
  if (parts_.audit.record({caller, req.remote_addr, id, level, route})) return true;
  // Fail closed: a document whose viewing cannot be recorded is not handed out.
  log_error("audit log not written", std::string(route) + " " + id.substr(0, 200));
  res.set_header("Retry-After", kRetryUnavailable);
  send_error(res, 503, "audit_unavailable", "the document cannot be served right now; try again later");
  return false;
}

void Api::describe_transport_error(const httplib::Request& req, httplib::Response& res) {
  (void)req;
  add_security_headers(res, ResponseKind::kApi);
  switch (res.status) {
    case 400:
      send_error(res, 400, "bad_request", "the request is not valid HTTP/1.1 (request line, method or headers)");
      break;
    case 413:
      send_error(res, 413, "body_too_large",
                 "the request body is longer than " + std::to_string(parts_.config.max_body_bytes) + " bytes");
      break;
    case 414:
      send_error(res, 414, "uri_too_long",
                 "the request URI is longer than 8192 bytes; q takes at most " +
                     std::to_string(query::kMaxQueryBytes) + " bytes");
      break;
    default:
      send_error(res, res.status, "http_error", "the request could not be handled (HTTP " + std::to_string(res.status) + ")");
  }
}

void Api::refuse_overloaded(httplib::Response& res) {
  add_security_headers(res, ResponseKind::kApi);
  res.set_header("Retry-After", kRetryOverloaded);
  res.set_header("Connection", "close");
  send_error(res, 503, "overloaded", "the server is busy; retry after 1 second");
}

void Api::health(const Caller& caller, const Params& params, httplib::Response& res) {
  if (auto e = expect_no_params(params)) {
    send_param_error(res, e->param, e->message);
    return;
  }
  // revision and documents are what the caller's clearance sees.
  with_searcher(caller.clearance, res, [&](query::Searcher& s) {
    const query::IndexInfo info = s.info();
    const double uptime =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - parts_.started).count();
    // An archive of shards (a stub file): each, and "degraded" while one is not searched.
    nlohmann::json shards = nlohmann::json::array();
    bool degraded = false;
    for (const auto& shard : info.shards) {
      shards.push_back({{"name", shard.name}, {"searched", shard.searched}, {"problem", shard.problem}});
      degraded = degraded || (!shard.searched && !shard.above_clearance);
    }
    nlohmann::json body = {{"status", degraded ? "degraded" : "ok"},
               {"version", kVersion},
               {"revision", info.revision},
               {"documents", info.documents},
               {"clearance", extract::level_slug(caller.clearance)},
               {"uptime_s", static_cast<long long>(uptime)},
               {"threads", parts_.config.threads},
               {"reloads", parts_.metrics.reloads()},
               {"suggestions", parts_.watcher.suggestions_ready(caller.clearance) ? "ready" : "building"}};
    if (!info.shards.empty()) body["shards"] = std::move(shards);
    send_json(res, 200, body);
  });
}

void Api::metrics(const Caller& caller, const Params& params, httplib::Response& res) {
  if (auto e = expect_no_params(params)) {
    send_param_error(res, e->param, e->message);
    return;
  }
  IndexGauges g;
  // Like /api/health: the index as the caller's clearance sees it (a scraper may send a key).
  if (auto state = parts_.watcher.state()) {
    const LevelView& view = state->levels[extract::level_index(caller.clearance)];
    g.revision = view.revision;
    g.documents = view.documents;
  }
  g.reloads = parts_.metrics.reloads();
  g.searchers = parts_.pool.created();
  g.queued = parts_.queue.queued.load(std::memory_order_relaxed);
  const ResponseCache::Stats cache = parts_.cache.stats();
  g.cache_hits = cache.hits;
  g.cache_misses = cache.misses;
  g.cache_entries = cache.entries;
  g.uptime_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - parts_.started).count();
  res.status = 200;
  res.set_content(parts_.metrics.render(g), "text/plain; version=0.0.4; charset=utf-8");
}

void Api::admin_reload(const httplib::Request& req, httplib::Response& res) {
  const auto token = bearer_token(req.get_header_value("Authorization"));
  if (!token || !token_equals(parts_.config.admin_token, *token)) {
    res.set_header("WWW-Authenticate", "Bearer realm=\"vankho-admin\"");
    send_error(res, 401, "unauthorized",
               token ? "the bearer token is not the admin token"
                     : "an Authorization: Bearer TOKEN header with the admin token is required");
    return;
  }
  // Parameters (and a form body, which httplib merges into them) are ignored here.
  const ReloadEvent ev = parts_.watcher.check_now();
  if (!ev.error.empty()) {
    res.set_header("Retry-After", kRetryUnavailable);
    send_error(res, 503, "index_unavailable", "the index could not be reloaded; the server log has the details");
    return;
  }
  send_json(res, 200, {{"changed", ev.changed}, {"revision", ev.revision}, {"documents", ev.documents},
                       {"took_ms", ev.took_ms}});
}

void Api::static_file(const std::string& path, httplib::Response& res) {
  auto file = parts_.files ? parts_.files->find(path) : std::nullopt;
  if (!file) {
    send_error(res, 404, "not_found", "no such file: " + path.substr(0, 200));
    return;
  }
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::move(file->body), file->content_type);
}

}  // namespace vankho::searchd
