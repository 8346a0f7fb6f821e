// Ranking metrics at a cutoff k (10 in every report), binary relevance: a hit is relevant when its
// id is one of the question's gold ids; each metric is averaged over the questions.
//   R@k    = |gold ∩ top k| / |gold|
//   MRR@k  = 1 / rank of the first relevant hit in the top k, 0 when there is none
//   nDCG@k = DCG@k / IDCG@k, DCG@k = Σ_{i=1..k} rel_i / log2(i + 1), IDCG@k = the DCG of a ranking
//            with min(|gold|, k) relevant hits at the top
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vankho::bench {

struct Scores {
  double recall = 0, mrr = 0, ndcg = 0;
  size_t questions = 0;
};

// The 1-based rank of the first gold id in `ranked` (first k only), 0 when none is there.
[[nodiscard]] size_t first_relevant_rank(const std::vector<std::string>& ranked,
                                         const std::vector<std::string>& gold, size_t k);

class MetricsAccumulator {
 public:
  explicit MetricsAccumulator(size_t k = 10) : k_(k) {}
  void add(const std::vector<std::string>& ranked, const std::vector<std::string>& gold);
  [[nodiscard]] Scores mean() const;

 private:
  size_t k_;
  Scores sum_;
};

}  // namespace vankho::bench
