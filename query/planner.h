// Builds the Xapian query from an interpreted query and the request's filters. Ranking lives here:
// canonical terms rank above folded ones, syllable bigrams carry adjacency, codes rank the document
// that IS the code above its citers, periods filter by overlap (and the search ranks its first
// candidates by fit: period_fit.h). The weights are ranking.h's; the terms are schema/terms.h's.
//
// Every query is made of Xapian's own classes (terms, operators, value ranges): a stock
// xapian-tcpsrv serving a shard can run it, as it can run no class of ours.
#pragma once

#include <optional>
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
  // The period the user asked for in words, whose fit ranks (overlap / union, period_fit.h);
  // absent when there is none or it only filters (bare from/to bounds).
  struct Fit {
    int from = 0, to = 0;  // YYYYMMDD
  };
  std::optional<Fit> period_fit;
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

// `a AND_MAYBE b` (a's matches, weighted by both) written as `a OR (b AND 0 × a)`: the same matches
// and weights. Xapian 1.4.22's matcher, given OP_AND_MAYBE and a small check_at_least, loses
// documents of the top ten (tests/shards, RankingIsTheSameWhetherOrNotEveryMatchIsChecked).
[[nodiscard]] Xapian::Query and_maybe(const Xapian::Query& a, const Xapian::Query& b);

[[nodiscard]] QueryPlan plan_query(const InterpretedQuery& iq, const std::vector<Filter>& filters,
                                   const SearchRequest& request, const PlanContext& context);

}  // namespace vankho::query
