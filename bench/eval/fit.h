// The learned combination of issue 18: coordinate ascent over the ranking's weights (RankingWeights:
// title and parent-title coverage, bigram and folded weights, BM25's k1 and b, the period fit,
// feedback weight) on one half of the dev questions, to be checked on the other half. Each step
// tries a few values of one weight with the others fixed and keeps the best if it gains; rounds
// repeat until nothing gains. The objective is R@10 + MRR@10 of the questions as written.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "dev_questions.h"
#include "metrics.h"
#include "ranking.h"

namespace vankho::bench {

struct Fitted {
  query::RankingWeights weights;
  std::string spec;  // the fitted weights as a --variant spec ("title=0.45,k1=1.2"), "" for none
  Scores fit;        // on the questions fitted to
};

// Fits on `questions` over the vankho index at `index`, writing each kept step to `log`.
[[nodiscard]] Fitted fit_weights(const std::string& index, const std::vector<Question>& questions,
                                 const query::RankingWeights& start, size_t max_rounds, std::ostream& log);

// Splits the questions by position: even-numbered ones to fit on, odd-numbered ones to check.
void split_questions(const std::vector<Question>& all, std::vector<Question>& fit, std::vector<Question>& check);

}  // namespace vankho::bench
