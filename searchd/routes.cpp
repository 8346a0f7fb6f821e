#include "routes.h"

namespace vankho::searchd {
namespace {

constexpr std::string_view kDocuments = "/api/documents/";
constexpr std::string_view kCitations = "/api/citations/";
constexpr std::string_view kSimilarSuffix = "/similar";
constexpr std::string_view kOriginalSuffix = "/original";
constexpr std::string_view kExplainSuffix = "/explain";
constexpr const char* kReadMethods = "GET, HEAD, OPTIONS";
constexpr const char* kPostMethods = "POST, OPTIONS";

RouteMatch with_method(Route route, std::string arg, std::string_view method, bool api) {
  RouteMatch m;
  m.route = route;
  m.arg = std::move(arg);
  m.api = api;
  const bool post = route == Route::kAdminReload;
  m.allow = post ? kPostMethods : kReadMethods;
  if (method == "OPTIONS") {
    m.preflight = true;
  } else if (post ? method != "POST" : (method != "GET" && method != "HEAD")) {
    m.status = 405;
  }
  return m;
}

}  // namespace

const char* route_name(Route route) {
  switch (route) {
    case Route::kSearch: return "search";
    case Route::kSearchCsv: return "search_csv";
    case Route::kSearchAtom: return "search_atom";
    case Route::kDocument: return "document";
    case Route::kSimilar: return "similar";
    case Route::kExplain: return "explain";
    case Route::kOriginal: return "original";
    case Route::kCitations: return "citations";
    case Route::kSuggest: return "suggest";
    case Route::kHealth: return "health";
    case Route::kMetrics: return "metrics";
    case Route::kAdminReload: return "admin_reload";
    case Route::kStatic: return "static";
    case Route::kUnmatched: return "unmatched";
  }
  return "unmatched";
}

RouteMatch RouteTable::match(std::string_view method, std::string_view path) const {
  const bool api = path == "/api" || path.starts_with("/api/");
  if (path == "/api/search") return with_method(Route::kSearch, "", method, true);
  if (path == "/api/search.csv") return with_method(Route::kSearchCsv, "", method, true);
  if (path == "/api/search.atom") return with_method(Route::kSearchAtom, "", method, true);
  if (path == "/api/suggest") return with_method(Route::kSuggest, "", method, true);
  if (path == "/api/health") return with_method(Route::kHealth, "", method, true);
  if (path == "/metrics") return with_method(Route::kMetrics, "", method, false);
  if (admin && path == "/api/admin/reload") return with_method(Route::kAdminReload, "", method, true);
  if (path.starts_with(kDocuments) && path.size() > kDocuments.size()) {
    std::string_view rest = path.substr(kDocuments.size());
    if (rest.size() > kSimilarSuffix.size() && rest.ends_with(kSimilarSuffix)) {
      rest.remove_suffix(kSimilarSuffix.size());
      return with_method(Route::kSimilar, std::string(rest), method, true);
    }
    if (rest.size() > kExplainSuffix.size() && rest.ends_with(kExplainSuffix)) {
      rest.remove_suffix(kExplainSuffix.size());
      return with_method(Route::kExplain, std::string(rest), method, true);
    }
    if (rest.size() > kOriginalSuffix.size() && rest.ends_with(kOriginalSuffix)) {
      rest.remove_suffix(kOriginalSuffix.size());
      return with_method(Route::kOriginal, std::string(rest), method, true);
    }
    return with_method(Route::kDocument, std::string(rest), method, true);
  }
  if (path.starts_with(kCitations) && path.size() > kCitations.size()) {
    return with_method(Route::kCitations, std::string(path.substr(kCitations.size())), method, true);
  }
  if (!api && web && path.starts_with("/")) {
    RouteMatch m = with_method(Route::kStatic, std::string(path), method, false);
    m.preflight = false;  // no CORS for the page's files: OPTIONS just lists the methods
    if (method == "OPTIONS") m.status = 0;
    return m;
  }
  RouteMatch none;
  none.status = 404;
  none.api = api;
  return none;
}

}  // namespace vankho::searchd
