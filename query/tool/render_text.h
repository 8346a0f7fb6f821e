// Plain-terminal rendering of search results for vankho-query (without --json).
#pragma once

#include <ostream>

#include "searcher.h"

namespace vankho::query_tool {

enum class Emphasis { kAnsiBold, kAsterisks };

void render_response(std::ostream& out, const query::SearchResponse& r, size_t offset, Emphasis e);
void render_hits(std::ostream& out, const std::vector<query::Hit>& hits, size_t first_rank, Emphasis e);
void render_citations(std::ostream& out, const query::CitationView& v);

}  // namespace vankho::query_tool
