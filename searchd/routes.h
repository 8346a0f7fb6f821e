// The route table: which route a method and (decoded) path name, with its argument — a document
// id or a code, which may contain '/' — or why none does (404, or 405 with the allowed methods).
#pragma once

#include <string>
#include <string_view>

namespace vankho::searchd {

enum class Route {
  kSearch,       // GET  /api/search
  kSearchCsv,    // GET  /api/search.csv
  kSearchAtom,   // GET  /api/search.atom
  kDocument,     // GET  /api/documents/{id}
  kSimilar,      // GET  /api/documents/{id}/similar
  kExplain,      // GET  /api/documents/{id}/explain
  kOriginal,     // GET  /api/documents/{id}/original
  kCitations,    // GET  /api/citations/{code}
  kSuggest,      // GET  /api/suggest
  kHealth,       // GET  /api/health
  kMetrics,      // GET  /metrics
  kAdminReload,  // POST /api/admin/reload (only with an admin token)
  kStatic,       // GET  /... files of --web DIR
  kUnmatched,    // 404, 405, preflights and requests httplib refused
};
inline constexpr size_t kRouteCount = static_cast<size_t>(Route::kUnmatched) + 1;

[[nodiscard]] const char* route_name(Route route);

struct RouteMatch {
  Route route = Route::kUnmatched;
  std::string arg;     // {id} or {code}
  int status = 0;      // 0: matched; 404 or 405
  std::string allow;   // with 405, and for OPTIONS: "GET, HEAD, OPTIONS"
  bool preflight = false;  // OPTIONS on a known route
  bool api = false;        // under /api/ (CORS applies, JSON errors)
};

struct RouteTable {
  bool admin = false;  // an admin token is configured
  bool web = false;    // --web DIR is set

  [[nodiscard]] RouteMatch match(std::string_view method, std::string_view path) const;
};

}  // namespace vankho::searchd
