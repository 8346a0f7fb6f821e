#include "title_rerank.h"

#include <algorithm>

#include "terms.h"

namespace vankho::query {
namespace {

// Whether the token lies in a whitespace-delimited chunk with a digit ("41.11.TT.39.5."): article
// numbers and other labels, not words of the subject.
bool in_number(std::string_view title, const text::Token& t) {
  constexpr std::string_view kSpace = " \t\n";
  const size_t before = title.find_last_of(kSpace, t.start);
  const size_t from = before == std::string_view::npos ? 0 : before + 1;
  const size_t to = std::min(title.find_first_of(kSpace, t.end), title.size());
  return title.substr(from, to - from).find_first_of("0123456789") != std::string_view::npos;
}

bool contains(const std::vector<std::string>& sorted, const std::string& s) {
  return std::binary_search(sorted.begin(), sorted.end(), s);
}

}  // namespace

TitleCoverage::TitleCoverage(const std::vector<WordGroup>& query, TermIdf idf) : idf_(std::move(idf)) {
  for (const WordGroup& g : query) {
    for (size_t i = 0; i < g.tokens.size(); ++i) {
      if (g.tokens[i].is_code) continue;
      words_.push_back(g.tokens[i].folded);
      if (i > 0 && schema::adjacent(g.text, g.tokens[i - 1], g.tokens[i])) {
        pairs_.push_back(schema::bigram_key(g.tokens[i - 1], g.tokens[i]));
      }
    }
  }
  std::sort(words_.begin(), words_.end());
  std::sort(pairs_.begin(), pairs_.end());
}

double TitleCoverage::operator()(std::string_view title) const {
  std::vector<text::Token> tokens;
  text::tokenize(title, tokens);
  double said = 0, total = 0;
  const text::Token* prev = nullptr;
  for (const auto& t : tokens) {
    if (t.is_code || in_number(title, t)) {
      prev = nullptr;
      continue;
    }
    const double w = idf_(schema::folded_term(t));
    total += w;
    if (contains(words_, t.folded)) said += w;
    if (prev && schema::adjacent(title, *prev, t)) {
      const double pw = idf_(schema::bigram_term(*prev, t));
      total += pw;
      if (contains(pairs_, schema::bigram_key(*prev, t))) said += pw;
    }
    prev = &t;
  }
  return total > 0 ? said / total : 0.0;
}

}  // namespace vankho::query
