// The read routes of the API: search, document, similar, citations, suggest.
#include "api.h"

#include <chrono>
#include <cstdio>

#include "export_atom.h"
#include "export_csv.h"
#include "json_response.h"
#include "params.h"
#include "request_context.h"
#include "search_json.h"
#include "utf8.h"

namespace vankho::searchd {
namespace {

constexpr size_t kMaxIdBytes = 240;  // Xapian terms are at most 245 bytes with the prefix
constexpr size_t kMaxCodeBytes = 200;
constexpr size_t kSimilarDefault = 10;
constexpr size_t kCitationsDefault = 100;

// An id that cannot be in the index: not found, without asking the index.
bool impossible_id(const std::string& id) { return id.empty() || id.size() > kMaxIdBytes || !text::valid_utf8(id); }

std::string shown_id(const std::string& id) { return id.size() > 80 ? id.substr(0, 80) + "…" : id; }

// A search answer as sent: `cached` and its own `took_ms` (for a cached one, the time to find it
// in the cache), then the answer's other fields, kept without them in the cache.
std::string timed_answer(const std::string& untimed, bool cached, double took_ms) {
  char head[64];
  const int n = std::snprintf(head, sizeof head, "{\"cached\":%s,\"took_ms\":%.3f%s", cached ? "true" : "false",
                              took_ms, untimed.size() > 2 ? "," : "");
  std::string body(head, static_cast<size_t>(n));
  body.append(untimed, 1);  // after its '{'
  return body;
}

}  // namespace

void Api::search(const Caller& caller, const Params& params, httplib::Response& res) {
  const Parsed<query::SearchRequest> parsed = parse_search(params);
  if (parsed.error) return send_param_error(res, parsed.error->param, parsed.error->message);
  // The clearance and the parameters as given (sorted by name) are the cache key: an answer is
  // only ever sent again to a caller of the clearance it was computed at.
  std::string key(extract::level_slug(caller.clearance));
  key.append(1, '\x1d');
  for (const auto& [name, value] : params) key.append(name).append(1, '\x1f').append(value).append(1, '\x1e');
  const uint64_t generation = parts_.pool.generation();
  RequestContext& ctx = current_request();
  if (auto cached = parts_.cache.get(key, generation)) {
    const double took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - ctx.started).count();
    res.status = 200;
    res.set_header("X-Vankho-Cache", "hit");
    res.set_content(timed_answer(cached->body, true, took_ms), kJsonType);
    ctx.hits = cached->hits;
    return;
  }
  with_searcher(caller.clearance, res, [&](query::Searcher& s) {
    const query::SearchResponse response = s.search(parsed.value);
    nlohmann::json json = query::to_json(response);
    json.erase("took_ms");  // each answer, cached or not, is sent with its own
    ResponseCache::Answer answer{dump_json(json), response.hits.size()};
    if (!response.partial) parts_.cache.put(key, generation, answer);  // a shard back soon answers in full
    ctx.hits = answer.hits;
    res.status = 200;
    res.set_content(timed_answer(answer.body, false, response.took_ms), kJsonType);
  });
}

// Pages of kMaxLimit hits, one search each, until the rows wanted or the last hit; without facets,
// snippets or the suggestion, which a list of documents does not show.
void Api::search_csv(const Caller& caller, const httplib::Request& req, const Params& params, httplib::Response& res) {
  const Parsed<ExportRequest> parsed = parse_export(params);
  if (parsed.error) return send_param_error(res, parsed.error->param, parsed.error->message);
  CsvOptions options;
  options.excel = parsed.value.excel;
  options.page_url = page_url(req);
  with_searcher(caller.clearance, res, [&](query::Searcher& s) {
    query::SearchRequest page = parsed.value.search;
    page.facets = page.snippets = page.suggest = false;
    const size_t wanted = page.limit;
    std::string body = csv_header(options);
    size_t rows = 0;
    while (rows < wanted && page.offset <= query::kMaxOffset) {
      page.limit = std::min(query::kMaxLimit, wanted - rows);
      const query::SearchResponse answer = s.search(page);
      for (const query::Hit& hit : answer.hits) body += csv_row(hit, options);
      rows += answer.hits.size();
      if (answer.hits.size() < page.limit) break;
      page.offset += answer.hits.size();
    }
    current_request().hits = rows;
    res.status = 200;
    res.set_header("Content-Disposition", options.excel ? "attachment; filename=\"vankho-ket-qua-excel.csv\""
                                                        : "attachment; filename=\"vankho-ket-qua.csv\"");
    res.set_content(body, "text/csv; charset=utf-8");
  });
}

std::string Api::page_url(const httplib::Request& req) const {
  if (!parts_.config.public_url.empty()) return parts_.config.public_url;
  const std::string host = req.get_header_value("Host");
  return host.empty() ? "/" : "http://" + host + "/";  // without a Host (HTTP/1.0), links from the root
}

void Api::search_atom(const Caller& caller, const httplib::Request& req, const Params& params, httplib::Response& res) {
  const Parsed<query::SearchRequest> parsed = parse_feed(params);
  if (parsed.error) return send_param_error(res, parsed.error->param, parsed.error->message);
  with_searcher(caller.clearance, res, [&](query::Searcher& s) {
    const query::SearchResponse answer = s.search(parsed.value);
    AtomFeed feed;
    feed.page_url = page_url(req);
    const size_t question = req.target.find('?');
    const std::string query_string = question == std::string::npos ? "" : req.target.substr(question + 1);
    feed.self_url = feed.page_url + "api/search.atom" + (query_string.empty() ? "" : "?" + query_string);
    feed.alternate = feed.page_url + (query_string.empty() ? "" : "?" + query_string);
    feed.title = "Văn khố: " + (parsed.value.q.empty() ? std::string("văn bản mới") : parsed.value.q);
    for (const auto& f : answer.query.filters) feed.title += " · " + f.label;
    current_request().hits = answer.hits.size();
    res.status = 200;
    res.set_content(atom_feed(feed, answer.hits), "application/atom+xml; charset=utf-8");
  });
}

// A document above the caller's clearance is not in its Searcher: it answers exactly like a
// missing one (same status, same body), never 403.
void Api::document(const Caller& caller, const std::string& id, const httplib::Request& req, const Params& params,
                   httplib::Response& res) {
  const Parsed<std::string> q = parse_document(params);
  if (q.error) return send_param_error(res, q.error->param, q.error->message);
  if (impossible_id(id)) return send_error(res, 404, "not_found", "no document with this id");
  with_searcher(caller.clearance, res, [&](query::Searcher& s) {
    const std::optional<query::DocumentView> view = s.document(id, q.value);
    if (!view) return send_error(res, 404, "not_found", "no document with id '" + shown_id(id) + "'");
    if (!audit(caller, req, id, view->level, "document", res)) return;
    current_request().hits = 1;
    send_json(res, 200, query::to_json(*view));
  });
}

void Api::similar(const Caller& caller, const std::string& id, const Params& params, httplib::Response& res) {
  const Parsed<size_t> limit = parse_limit_only(params, kSimilarDefault);
  if (limit.error) return send_param_error(res, limit.error->param, limit.error->message);
  if (impossible_id(id)) return send_error(res, 404, "not_found", "no document with this id");
  with_searcher(caller.clearance, res, [&](query::Searcher& s) {
    const auto view = s.similar(id, limit.value);
    if (!view) return send_error(res, 404, "not_found", "no document with id '" + shown_id(id) + "'");
    current_request().hits = view->hits.size();
    send_json(res, 200, query::to_json(*view));
  });
}

void Api::explain(const Caller& caller, const std::string& id, const Params& params, httplib::Response& res) {
  const Parsed<query::SearchRequest> parsed = parse_search(params);
  if (parsed.error) return send_param_error(res, parsed.error->param, parsed.error->message);
  if (impossible_id(id)) return send_error(res, 404, "not_found", "no document with this id");
  with_searcher(caller.clearance, res, [&](query::Searcher& s) {
    const auto explanation = s.explain(parsed.value, id);
    if (!explanation) return send_error(res, 404, "not_found", "no document with id '" + shown_id(id) + "'");
    current_request().hits = 1;
    send_json(res, 200, query::to_json(*explanation));
  });
}

void Api::citations(const Caller& caller, const std::string& code, const Params& params,
                    httplib::Response& res) {
  const Parsed<size_t> limit = parse_limit_only(params, kCitationsDefault);
  if (limit.error) return send_param_error(res, limit.error->param, limit.error->message);
  if (!text::valid_utf8(code)) return send_param_error(res, "code", "code: not valid UTF-8 (percent-encode UTF-8 text)");
  if (code.size() > kMaxCodeBytes) {
    return send_param_error(res, "code", "code: longer than " + std::to_string(kMaxCodeBytes) + " bytes");
  }
  with_searcher(caller.clearance, res, [&](query::Searcher& s) {
    const query::CitationView view = s.citations(code, limit.value);
    current_request().hits = view.is.size() + view.citing.size();
    send_json(res, 200, query::to_json(view));
  });
}

void Api::suggest(const Caller& caller, const Params& params, httplib::Response& res) {
  const Parsed<SuggestRequest> parsed = parse_suggest(params);
  if (parsed.error) return send_param_error(res, parsed.error->param, parsed.error->message);
  // Built by a reader of the caller's clearance (or of a lower level holding the same documents).
  const std::shared_ptr<const query::CompletionIndex> completions = parts_.watcher.completions(caller.clearance);
  nlohmann::json list = nlohmann::json::array();
  if (completions) {
    for (const auto& c : completions->complete(parsed.value.q, parsed.value.limit)) {
      nlohmann::json item = {{"text", c.text}, {"kind", query::kind_name(c.kind)}};
      if (!c.id.empty()) item["id"] = c.id;
      list.push_back(std::move(item));
    }
  }
  current_request().hits = list.size();
  // ready: false while the first suggestions are still being built (searchd just started).
  send_json(res, 200, {{"q", parsed.value.q}, {"suggestions", list}, {"ready", completions != nullptr}});
}

}  // namespace vankho::searchd
