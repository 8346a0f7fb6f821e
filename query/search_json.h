// The one JSON form of every answer, written here only: vankho-query --json and searchd's API both
// print these, so the two cannot drift. Matches are rendered as HTML (<mark> around each, the text
// escaped), the form the search page and the portal widget read.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "searcher.h"

namespace vankho::query {

[[nodiscard]] nlohmann::json to_json(const SearchResponse& r);
[[nodiscard]] nlohmann::json to_json(const Hit& h);
[[nodiscard]] nlohmann::json to_json(const DocumentView& v);
[[nodiscard]] nlohmann::json to_json(const SimilarView& v);
[[nodiscard]] nlohmann::json to_json(const CitationView& v);
[[nodiscard]] nlohmann::json to_json(const Explanation& e);

// `m.text` HTML-escaped, with <mark>…</mark> around each mark.
[[nodiscard]] std::string marked_html(const MarkedText& m);

}  // namespace vankho::query
