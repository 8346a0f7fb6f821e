#include "metrics.h"

#include <algorithm>
#include <cmath>

namespace vankho::bench {
namespace {

bool is_gold(const std::string& id, const std::vector<std::string>& gold) {
  return std::find(gold.begin(), gold.end(), id) != gold.end();
}

}  // namespace

size_t first_relevant_rank(const std::vector<std::string>& ranked, const std::vector<std::string>& gold,
                           size_t k) {
  for (size_t i = 0; i < ranked.size() && i < k; ++i) {
    if (is_gold(ranked[i], gold)) return i + 1;
  }
  return 0;
}

void MetricsAccumulator::add(const std::vector<std::string>& ranked, const std::vector<std::string>& gold) {
  ++sum_.questions;
  if (gold.empty()) return;
  size_t found = 0;
  double dcg = 0;
  std::vector<std::string> seen;  // a gold id counted once even if a system returned it twice
  for (size_t i = 0; i < ranked.size() && i < k_; ++i) {
    if (!is_gold(ranked[i], gold) || is_gold(ranked[i], seen)) continue;
    seen.push_back(ranked[i]);
    ++found;
    dcg += 1.0 / std::log2(static_cast<double>(i) + 2.0);
  }
  double ideal = 0;
  for (size_t i = 0; i < std::min(gold.size(), k_); ++i) ideal += 1.0 / std::log2(static_cast<double>(i) + 2.0);
  const size_t first = first_relevant_rank(ranked, gold, k_);
  sum_.recall += static_cast<double>(found) / static_cast<double>(gold.size());
  sum_.mrr += first ? 1.0 / static_cast<double>(first) : 0.0;
  sum_.ndcg += dcg / ideal;
}

Scores MetricsAccumulator::mean() const {
  Scores m = sum_;
  if (m.questions == 0) return m;
  const double n = static_cast<double>(m.questions);
  m.recall /= n;
  m.mrr /= n;
  m.ndcg /= n;
  return m;
}

}  // namespace vankho::bench
