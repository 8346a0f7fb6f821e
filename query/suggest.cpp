#include "suggest.h"

#include <algorithm>
#include <cmath>

#include "fold.h"
#include "schema.h"

namespace vankho::query {
namespace {

constexpr size_t kCandidatesPerWord = 6;
constexpr double kBigramWeight = 2.0;

}  // namespace

void AccentRestorer::load_vocabulary() {
  loaded_ = true;
  // Canonical terms are the unprefixed ones: they sort after every upper-case prefix.
  Xapian::TermIterator t = db_.allterms_begin();
  t.skip_to("a");
  for (; t != db_.allterms_end(); ++t) {
    const std::string term = *t;
    auto& list = by_folded_[text::fold(term)];
    list.push_back({term, t.get_termfreq()});
  }
  for (auto& [folded, list] : by_folded_) {
    std::sort(list.begin(), list.end(),
              [](const Candidate& a, const Candidate& b) { return a.freq > b.freq; });
    if (list.size() > kCandidatesPerWord) list.resize(kCandidatesPerWord);
  }
}

std::optional<std::vector<std::string>> AccentRestorer::restore(const std::vector<text::Token>& tokens) {
  if (tokens.empty()) return std::nullopt;
  if (!loaded_) load_vocabulary();
  // Candidates per position: a word typed with marks, a code or a number stays as typed.
  std::vector<std::vector<Candidate>> cands;
  for (const auto& t : tokens) {
    auto it = by_folded_.find(t.folded);
    if (t.is_code || t.norm != t.folded || it == by_folded_.end()) {
      cands.push_back({{t.norm, 1}});
    } else {
      cands.push_back(it->second);
    }
  }
  // Best path (Viterbi) by log frequency plus bigram evidence.
  std::vector<std::vector<double>> score(cands.size());
  std::vector<std::vector<size_t>> back(cands.size());
  for (size_t i = 0; i < cands.size(); ++i) {
    score[i].assign(cands[i].size(), -1e18);
    back[i].assign(cands[i].size(), 0);
    for (size_t c = 0; c < cands[i].size(); ++c) {
      const double own = std::log(1.0 + cands[i][c].freq);
      if (i == 0) {
        score[i][c] = own;
        continue;
      }
      for (size_t p = 0; p < cands[i - 1].size(); ++p) {
        const auto bigram = schema::term(schema::kBigram, cands[i - 1][p].word + " " + cands[i][c].word);
        const double s = score[i - 1][p] + own + kBigramWeight * std::log(1.0 + db_.get_termfreq(bigram));
        if (s > score[i][c]) {
          score[i][c] = s;
          back[i][c] = p;
        }
      }
    }
  }
  std::vector<std::string> out(cands.size());
  size_t c = static_cast<size_t>(std::max_element(score.back().begin(), score.back().end()) - score.back().begin());
  for (size_t i = cands.size(); i-- > 0;) {
    out[i] = cands[i][c].word;
    c = back[i][c];
  }
  bool changed = false;
  for (size_t i = 0; i < tokens.size(); ++i) changed |= out[i] != tokens[i].norm;
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace vankho::query
