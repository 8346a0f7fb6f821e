// Builds the Xapian query from an interpreted query and the request's filters. Ranking lives here:
// canonical terms rank above folded ones, syllable bigrams carry adjacency, codes rank the document
// that IS the code above its citers, periods filter by overlap and rank by fit. The weights are
// ranking.h's; the terms are schema/terms.h's.
#pragma once

#include <vector>
#include <xapian.h>

#include "highlight_query.h"
#include "interpret.h"
#include "ranking.h"
#include "searcher.h"
#include "syntax.h"
#include "vocabulary.h"

namespace vankho::query {

struct QueryPlan {
  Xapian::Query query;     // what to run
  Xapian::Query fallback;  // the any-word reading when `query` required every word (else empty)
  // The documents `query` and `fallback` match, without what only ranks them (bigrams, exact
  // spellings beside folded ones, period fit): what counting the matches runs (facets.h).
  Xapian::Query match;
  Xapian::Query fallback_match;
  bool all_words_required = false;
  Interpretation interpretation;
  // What the snippet highlighter marks: words (their weights are the searcher's), code keys, pairs.
  SnippetQuery highlight;
};

// What the planner reads of the index besides the query: how common each term is, and the theme
// taxonomy the index was built with (for `chude:` and `theme=`).
struct PlanContext {
  const RankingWeights& weights;
  const TermFraction& fraction;
  const extract::ThemeTaxonomy& themes;
};

[[nodiscard]] QueryPlan plan_query(const InterpretedQuery& iq, const std::vector<Filter>& filters,
                                   const SearchRequest& request, const PlanContext& context);

}  // namespace vankho::query
