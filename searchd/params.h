// Query parameters → typed requests. Every error names the parameter and says what was expected;
// searchd answers it as a 400. Parameters are the decoded `name=value` pairs of the query string.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "searcher.h"

namespace vankho::searchd {

using Params = std::multimap<std::string, std::string>;

// The parameters of a request target's query string (after its `?`), decoded as cpp-httplib
// decodes them, but every pair kept: httplib's own parse drops a pair identical to an earlier one,
// so `sort=date&sort=date` would pass as a single sort.
[[nodiscard]] Params query_params(std::string_view target);

struct ParamError {
  std::string param;    // "limit", or "" for the query string as a whole
  std::string message;  // "limit: expected an integer from 0 to 100, got '-1'"
};

template <typename T>
struct Parsed {
  T value{};
  std::optional<ParamError> error;
};

inline constexpr size_t kMaxSuggestions = 10;
inline constexpr size_t kMaxValuesPerParam = 20;
inline constexpr size_t kMaxValueBytes = 200;  // filter values, ids in parameters

// GET /api/search: q, type, theme, issuer, province, year (repeatable), from, to, sort, offset,
// limit, facets, snippets, suggest, interpret.
[[nodiscard]] Parsed<query::SearchRequest> parse_search(const Params& params);

// GET /api/documents/{id}: q (optional, to highlight).
struct ExportRequest {
  query::SearchRequest search;  // limit: the rows wanted (1 to kMaxExportRows)
  bool excel = false;
};
inline constexpr size_t kMaxExportRows = 1000;
// /api/search.csv: the parameters of /api/search, `limit` up to kMaxExportRows (default all of
// them), and `excel` (true: a byte order mark first).
[[nodiscard]] Parsed<ExportRequest> parse_export(const Params& params);
// /api/search.atom: the parameters of /api/search but `sort` (always newest first) and `offset`;
// `limit` 1 to 100, default kFeedEntries.
inline constexpr size_t kFeedEntries = 50;
[[nodiscard]] Parsed<query::SearchRequest> parse_feed(const Params& params);

[[nodiscard]] Parsed<std::string> parse_document(const Params& params);

// GET /api/documents/{id}/original: inline (true: a PDF is shown by the browser rather than
// downloaded, so that a link can open it at a page with #page=N; any other format is always a
// download).
[[nodiscard]] Parsed<bool> parse_original(const Params& params);

// GET /api/documents/{id}/similar and /api/citations/{code}: limit.
[[nodiscard]] Parsed<size_t> parse_limit_only(const Params& params, size_t default_limit);

struct SuggestRequest {
  std::string q;
  size_t limit = kMaxSuggestions;
};
// GET /api/suggest: q, limit (1..10).
[[nodiscard]] Parsed<SuggestRequest> parse_suggest(const Params& params);

// Parameterless routes (health, metrics, admin): any parameter is an error.
[[nodiscard]] std::optional<ParamError> expect_no_params(const Params& params);

}  // namespace vankho::searchd
