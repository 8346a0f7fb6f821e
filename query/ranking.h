// How vankho ranks, as numbers in one place: the weights of each kind of evidence and the
// thresholds that decide which words select and which only add weight. Tuning, not part of a
// request; bench/eval reports what each bought (its --variant keys name these fields).
#pragma once

#include <cstddef>

namespace vankho::query {

struct RankingWeights {
  double folded = 1.0;          // folded-term weight relative to an exact-accent term
  double bigram = 2.0;          // syllable-bigram terms (legal dev set: 2 vs 1, +0.001 R@10)
  double title_coverage = 0.3;  // a question's candidates: score × (1 + this × title coverage)
  double code_is = 20.0;        // the document whose own number is the code
  double period_fit = 2.0;      // maximum weight of a perfect period fit
  size_t all_words_up_to = 5;   // queries with at most this many words require all of them, unless
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
  // BM25 saturation and length normalization (k1 0.9: +0.005 R@10 over 1.2).
  double bm25_k1 = 0.9, bm25_b = 0.75;
};

// A question's first candidates are reordered by title coverage (title_rerank.h); pages within
// them are cut after the reordering, so that paging stays consistent.
inline constexpr size_t kRerankDepth = 20;

}  // namespace vankho::query
