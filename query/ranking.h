// How vankho ranks, as numbers in one place: the weights of each kind of evidence and the
// thresholds that decide which words select and which only add weight. Tuning, not part of a
// request; bench/eval reports what each bought (its --variant keys name these fields).
#pragma once

#include <cstddef>

namespace vankho::query {

struct RankingWeights {
  double folded = 1.0;          // folded-term weight relative to an exact-accent term
  double bigram = 2.0;          // syllable-bigram terms (legal dev set: 2 vs 1, +0.001 R@10)
  double title_coverage = 0.3;  // a question's candidates: score × (1 + this × title coverage
  double parent_coverage = 0.075;  // + this × coverage of the larger document's title): fitted on
                                   // half the legal dev set with k1 (bench/eval/fit.h)
  double code_is = 20.0;        // the document whose own number is the code
  // The same in a query of more than all_words_up_to words besides the code: a title or a question
  // naming a code ("Sửa đổi, bổ sung một số điều của Nghị định số 134/2016/NĐ-CP") is as often
  // about a document citing it as about the code itself, and its words decide (known items by
  // name, legal corpus: 0.851 → 0.947 in the top 3).
  double code_is_among_words = 1.0;
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
  // BM25 saturation and length normalization. k1 0.45, fitted on half the legal dev set and checked
  // on the other half: a word's presence says more than its repetition in short articles (MRR@10
  // +0.011 on the held-out half; 0.9 had been +0.005 R@10 over 1.2).
  double bm25_k1 = 0.45, bm25_b = 0.75;
  // Pseudo-relevance feedback for questions: the prf_terms best expansion terms (folded words and
  // bigrams, Xapian's ESet) of the first prf_docs hits add weight × prf_weight to the documents
  // the question matched (AND_MAYBE: the matches, totals and facets stay the question's). 0: off.
  size_t prf_terms = 0, prf_docs = 5;
  double prf_weight = 0.5;
};

// A question's first candidates are reordered by title coverage (title_rerank.h); pages within
// them are cut after the reordering, so that paging stays consistent.
inline constexpr size_t kRerankDepth = 20;
// A period asked for in words reorders the first candidates by fit (period_fit.h), deeper than the
// title: a query of a period alone comes unweighted (in indexing order) from the match, and only
// these are ordered by fit.
inline constexpr size_t kPeriodRerankDepth = 100;

}  // namespace vankho::query
