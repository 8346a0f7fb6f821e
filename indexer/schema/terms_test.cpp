#include "terms.h"

#include <gtest/gtest.h>

#include <set>

#include "normalize.h"

namespace vankho::schema {
namespace {

// The bigram keys of every adjacent pair of `text`.
std::set<std::string> pairs_of(const std::string& text) {
  std::vector<text::Token> tokens;
  text::tokenize(text, tokens);
  std::set<std::string> out;
  for (size_t i = 1; i < tokens.size(); ++i) {
    if (adjacent(text, tokens[i - 1], tokens[i])) out.insert(bigram_key(tokens[i - 1], tokens[i]));
  }
  return out;
}

TEST(Terms, WordFoldedAndBigramTerms) {
  std::vector<text::Token> t;
  text::tokenize("Tỉnh uỷ", t);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(word_term(t[1]), text::normalize("ủy"));  // one canonical tone placement
  EXPECT_EQ(folded_term(t[1]), "Fuy");
  EXPECT_EQ(bigram_key(t[0], t[1]), "tinh uy");
  EXPECT_EQ(bigram_term(t[0], t[1]), "Gtinh uy");
  EXPECT_EQ(typed_word_term(t[1]), word_term(t[1]));  // typed with marks: only that spelling
  text::tokenize("uy", t);
  EXPECT_EQ(typed_word_term(t.back()), "Fuy");  // without: every spelling
}

TEST(Terms, SentencePunctuationBreaksAPairCommasAndDashesDoNot) {
  EXPECT_EQ(pairs_of("Tỉnh ủy. Ban thường vụ"),
            (std::set<std::string>{"tinh uy", "ban thuong", "thuong vu"}));
  EXPECT_EQ(pairs_of("phòng, chống tham nhũng"),
            (std::set<std::string>{"phong chong", "chong tham", "tham nhung"}));
  EXPECT_EQ(pairs_of("kinh tế - xã hội"), (std::set<std::string>{"kinh te", "te xa", "xa hoi"}));
  for (const char* broken :
       {"a; b", "a: b", "a! b", "a? b", "a\nb", "a (b", "a) b", "a [b", "a] b", "a \"b"}) {
    EXPECT_TRUE(pairs_of(broken).empty()) << broken;
  }
}

TEST(Terms, ACodeIsNoWordOfAPair) {
  EXPECT_EQ(pairs_of("Nghị quyết 13-NQ/TW của Bộ"),
            (std::set<std::string>{"nghi quyet", "cua bo"}));
}

TEST(Terms, TokensOfDifferentTextsOrPositionsAreNotAdjacent) {
  std::vector<text::Token> t;
  text::tokenize("tỉnh ủy ban", t);
  EXPECT_FALSE(adjacent("tỉnh ủy ban", t[0], t[2]));  // not consecutive
  EXPECT_FALSE(adjacent("tỉnh ủy ban", t[1], t[0]));  // not in order
  EXPECT_FALSE(adjacent("tỉnh", t[0], t[1]));         // past the end of the text given
}

}  // namespace
}  // namespace vankho::schema
