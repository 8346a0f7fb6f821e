#include "title_rerank.h"

#include <gtest/gtest.h>

namespace vankho::query {
namespace {

TitleCoverage coverage_of(const std::string& q) {
  WordGroup g{q, {}};
  text::tokenize(q, g.tokens);
  return TitleCoverage({g}, [](const std::string&) { return 1.0; });  // every term alike
}

TEST(TitleCoverage, IsTheShareOfTheTitleThatTheQuerySays) {
  const auto c = coverage_of("Mật độ tập luyện môn bóng ném được quy định như thế nào?");
  EXPECT_DOUBLE_EQ(c("Mật độ tập luyện"), 1.0);
  // The article label's number is left out; "điều" is not said.
  EXPECT_DOUBLE_EQ(c("Điều 41.11.TT.39.5. Mật độ tập luyện"), 7.0 / 8.0);
  EXPECT_DOUBLE_EQ(c("Phạm vi điều chỉnh"), 0.0);
  EXPECT_DOUBLE_EQ(c(""), 0.0);
  // Words said apart cover the words, not the pair.
  EXPECT_DOUBLE_EQ(coverage_of("luyện tập")("tập luyện"), 2.0 / 3.0);
  // Unaccented questions cover accented titles.
  EXPECT_DOUBLE_EQ(coverage_of("mat do tap luyen")("Mật độ tập luyện"), 1.0);
}

TEST(TitleCoverage, PairsOnlyWordsTheIndexPairs) {
  // The title's `độ. Tập` is no pair (schema::adjacent), so it is not there to be covered...
  EXPECT_DOUBLE_EQ(coverage_of("mật độ tập luyện")("Mật độ. Tập luyện"), 1.0);
  // ...and a query pair across a sentence break covers no title pair.
  EXPECT_DOUBLE_EQ(coverage_of("mật. độ")("Mật độ"), 2.0 / 3.0);
}

}  // namespace
}  // namespace vankho::query
