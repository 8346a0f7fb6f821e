// Builds the Xapian query from an interpreted query and the request's filters. Ranking lives here:
// canonical terms rank above folded ones, syllable bigrams carry adjacency, codes rank the document
// that IS the code above its citers, periods filter by overlap and rank by fit.
#pragma once

#include <functional>
#include <string>
#include <vector>
#include <xapian.h>

#include "interpret.h"
#include "search_types.h"
#include "snippet.h"
#include "syntax.h"

namespace vankho::query {

// Weights, in one place so that bench/eval can report what each bought.
struct RankingWeights {
  double folded = 1.0;        // folded-term weight relative to an exact-accent term
  double bigram = 2.0;        // syllable-bigram terms (legal dev set: 2 vs 1, +0.001 R@10)
  double title_coverage = 0.3;  // a question's candidates: score × (1 + this × title coverage)
  double code_is = 20.0;      // the document whose own number is the code
  double period_fit = 2.0;    // maximum weight of a perfect period fit
  size_t all_words_up_to = 5; // queries with at most this many words require all of them, unless
                              // they end with '?' (legal dev set: R@10 +0.004)
  // In an any-word query, a word in more than this fraction of documents adds no term of its own
  // (it says little, and its long posting list is most of the query's time); its bigrams stay.
  double common_word_fraction = 0.2;
  // A word or bigram in more than this fraction (but not common) only adds weight to documents
  // that the rarer words and bigrams matched (AND_MAYBE): on the legal dev set the same R@10 and
  // MRR@10 as OR-ing them, at less than half the time (0.01 starts to cost relevance).
  double frequent_word_fraction = 0.02;
  // At most this many of an any-word query's rarest words and bigrams select (0: all); the others
  // only add weight, as frequent ones do (codes and abbreviations always select). A long question
  // has 20-40 such terms; legal dev set: 12 keeps R@10 and MRR@10, as written and unaccented, at
  // about a fifth less time per question (8: R@10 -0.020).
  size_t max_selective = 12;
  double common_words_from_documents = 1000;  // smaller archives keep every word (it is cheap)
  double bm25_k1 = 0.9, bm25_b = 0.75;  // BM25 saturation and length normalization (k1 0.9: +0.005 R@10 over 1.2)
};

// How common a term is: the fraction of documents that contain it.
using TermFraction = std::function<double(const std::string& term)>;

struct QueryPlan {
  Xapian::Query query;      // what to run
  Xapian::Query fallback;   // the any-word reading when `query` required every word (else empty)
  bool all_words_required = false;
  Interpretation interpretation;
  // What the snippet highlighter marks: words (their weights are the searcher's), code keys, pairs.
  SnippetQuery highlight;

};

[[nodiscard]] QueryPlan plan_query(const InterpretedQuery& iq, const std::vector<Filter>& filters,
                                   const SearchRequest& request, const RankingWeights& weights,
                                   const TermFraction& fraction);

}  // namespace vankho::query
