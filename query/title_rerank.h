// Title coverage: how much of a document's title the query says. A short article whose title is
// the question's subject ("Mật độ tập luyện" for "Mật độ tập luyện môn bóng ném được quy định như thế
// nào?") is usually the answer, yet BM25 over the whole text ranks it below longer neighbours that
// repeat the same words. The top candidates of a question are reordered by
// score × (1 + weight × coverage + parent weight × coverage of the parent's title, the act an
// article belongs to); coverage is the idf-weighted share of the title's words and adjacent word
// pairs that the query contains (numbers, such as article numbers, left out).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "interpret.h"

namespace vankho::query {

// Inverse document frequency of an index term (F or G prefixed).
using TermIdf = std::function<double(const std::string& term)>;

class TitleCoverage {
 public:
  // `query`: the query's words, group by group (pairs are adjacent words within a group).
  TitleCoverage(const std::vector<WordGroup>& query, TermIdf idf);
  // 0 (nothing of the title in the query) to 1 (the whole title).
  [[nodiscard]] double operator()(std::string_view title) const;

 private:
  std::vector<std::string> words_, pairs_;  // folded, sorted
  TermIdf idf_;
};

}  // namespace vankho::query
