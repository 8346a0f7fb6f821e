// Ranking variants for the evaluation: named RankingWeights overrides ("bigram=0",
// "folded=0.5,bigram=2"), so that one run reports what each ranking feature buys.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "planner.h"

namespace vankho::bench {

struct Variant {
  std::string name;  // the spec as given ("bigram=0")
  query::RankingWeights weights;
  bool interpret = true;  // SearchRequest::interpret: read codes and periods out of the question
};

// Parses comma-separated key=value overrides of the default weights; keys: folded, bigram, title,
// parent, prf_terms, prf_docs, prf_weight, code_is, code_is_long, period_fit, frequent, common,
// selective, k1, b, all_words_up_to, and interpret (0: take the question literally, no code or
// period reading). On error returns nullopt and says why in `error`.
[[nodiscard]] std::optional<Variant> parse_variant(const std::string& spec, std::string& error);

// The ablations run when no --variant is given.
[[nodiscard]] std::vector<std::string> standard_variant_specs();

}  // namespace vankho::bench
