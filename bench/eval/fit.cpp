#include "fit.h"

#include <cstdio>

#include "searcher.h"

namespace vankho::bench {
namespace {

constexpr size_t kCutoff = 10;

struct Knob {
  const char* key;  // its --variant key
  double query::RankingWeights::*member;
  bool may_be_zero;  // 0 turns the feature off; BM25's parameters may not be 0
};

const Knob kKnobs[] = {
    {"title", &query::RankingWeights::title_coverage, true},  {"parent", &query::RankingWeights::parent_coverage, true},
    {"bigram", &query::RankingWeights::bigram, true},         {"folded", &query::RankingWeights::folded, true},
    {"k1", &query::RankingWeights::bm25_k1, false},           {"b", &query::RankingWeights::bm25_b, false},
    {"period_fit", &query::RankingWeights::period_fit, true}, {"prf_weight", &query::RankingWeights::prf_weight, false},
};

Scores score(const std::string& index, const std::vector<Question>& questions, const query::RankingWeights& w) {
  query::Searcher searcher(index, w);
  MetricsAccumulator acc(kCutoff);
  for (const Question& q : questions) {
    query::SearchRequest req;
    req.q = q.question;
    req.limit = kCutoff;
    req.facets = req.snippets = req.suggest = false;
    std::vector<std::string> ids;
    for (const auto& h : searcher.search(req).hits) ids.push_back(h.id);
    acc.add(ids, q.gold);
  }
  return acc.mean();
}

double objective(const Scores& s) { return s.recall + s.mrr; }

// The values tried for a weight now at `v`.
std::vector<double> candidates(double v, bool may_be_zero) {
  if (v == 0) return {0.05, 0.1, 0.2, 0.4};
  std::vector<double> out;
  if (may_be_zero) out.push_back(0);
  for (double f : {0.5, 0.75, 0.9, 1.1, 1.25, 1.5, 2.0}) out.push_back(v * f);
  return out;
}

}  // namespace

void split_questions(const std::vector<Question>& all, std::vector<Question>& fit, std::vector<Question>& check) {
  for (size_t i = 0; i < all.size(); ++i) (i % 2 == 0 ? fit : check).push_back(all[i]);
}

Fitted fit_weights(const std::string& index, const std::vector<Question>& questions,
                   const query::RankingWeights& start, size_t max_rounds, std::ostream& log) {
  Fitted out{start, "", score(index, questions, start)};
  for (size_t round = 1; round <= max_rounds; ++round) {
    bool gained = false;
    for (const Knob& knob : kKnobs) {
      if (knob.member == &query::RankingWeights::prf_weight && out.weights.prf_terms == 0) continue;
      for (double value : candidates(out.weights.*knob.member, knob.may_be_zero)) {
        query::RankingWeights trial = out.weights;
        trial.*knob.member = value;
        const Scores s = score(index, questions, trial);
        if (objective(s) > objective(out.fit) + 0.002) {  // a gain of one question in 500 is noise
          out.weights = trial;
          out.fit = s;
          gained = true;
          char line[160];
          std::snprintf(line, sizeof line, "  round %zu: %s = %.3g  R@10 %.3f  MRR@10 %.3f\n", round, knob.key, value,
                        s.recall, s.mrr);
          log << line << std::flush;
        }
      }
    }
    if (!gained) break;
  }
  const query::RankingWeights defaults = start;
  for (const Knob& knob : kKnobs) {
    if (out.weights.*knob.member == defaults.*knob.member) continue;
    char item[64];
    std::snprintf(item, sizeof item, "%s%s=%.4g", out.spec.empty() ? "" : ",", knob.key, out.weights.*knob.member);
    out.spec += item;
  }
  return out;
}

}  // namespace vankho::bench
