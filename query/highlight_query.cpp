#include "highlight_query.h"

#include <algorithm>
#include <unordered_set>

#include "doc_code.h"
#include "terms.h"

namespace vankho::query {

SnippetQuery highlight_query(const InterpretedQuery& iq, const std::vector<Filter>& filters) {
  SnippetQuery q;
  for (const auto& g : iq.groups) {
    std::vector<std::string> run;  // words typed side by side
    for (size_t i = 0; i < g.tokens.size(); ++i) {
      const auto& t = g.tokens[i];
      q.words.push_back({t.folded, t.norm != t.folded && !t.is_code ? t.norm : std::string()});
      if (t.is_code) q.codes.push_back(t.folded);
      const bool continues = i > 0 && !t.is_code && !g.tokens[i - 1].is_code && schema::adjacent(g.text, g.tokens[i - 1], t);
      if (!continues && run.size() >= 2) q.runs.push_back(run);
      if (!continues) run.clear();
      if (!t.is_code) run.push_back(t.folded);
    }
    if (run.size() >= 2) q.runs.push_back(std::move(run));
  }
  for (const auto& use : iq.abbreviations) {
    for (const auto& f : use.also_folded) q.words.push_back({f});
  }
  for (const auto& c : iq.codes) q.codes.insert(q.codes.end(), c.keys.begin(), c.keys.end());
  for (const auto& f : filters) {
    if (f.field != "number") continue;
    if (auto code = text::parse_code(f.value)) q.codes.push_back(code->key);
  }
  return q;
}

void mark_common_words_in_pairs_only(SnippetQuery& highlight, const std::vector<WordGroup>& groups,
                                     double common_fraction, const TermFraction& fraction) {
  std::vector<bool> common(highlight.words.size(), false);
  size_t k = 0;
  for (const auto& g : groups) {
    for (const auto& t : g.tokens) {
      common[k++] =
          !g.phrase && !t.is_code && fraction(schema::typed_word_term(t)) > common_fraction;
    }
  }
  if (std::all_of(common.begin(), common.end(), [](bool c) { return c; })) return;
  std::unordered_set<std::string> paired;
  k = 0;
  for (const auto& g : groups) {
    for (size_t i = 0; i < g.tokens.size(); ++i, ++k) {
      if (i == 0 || g.phrase || !(common[k - 1] || common[k])) continue;
      const auto& a = g.tokens[i - 1];
      const auto& b = g.tokens[i];
      if (!schema::adjacent(g.text, a, b)) continue;
      highlight.pairs.emplace_back(a.folded, b.folded);
      paired.insert(a.folded);
      paired.insert(b.folded);
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < highlight.words.size(); ++i) {
    if (common[i] && !paired.contains(highlight.words[i].folded)) continue;  // never marked
    highlight.words[i].only_in_pairs = common[i];
    if (kept != i) highlight.words[kept] = std::move(highlight.words[i]);
    ++kept;
  }
  highlight.words.resize(kept);
}

}  // namespace vankho::query
