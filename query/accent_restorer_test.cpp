#include "accent_restorer.h"

#include <gtest/gtest.h>

namespace vankho::query {
namespace {

// An index whose vocabulary is the canonical words of `texts` (one document each), and a restorer
// whose context is the same texts, as if they were the query's top hits.
class Restore : public ::testing::Test {
 protected:
  void SetUp() override {
    texts_ = {"đánh giá kết quả học tập", "đánh giá kết quả thực hiện", "đánh giá kết quả công tác",
              "giá đất", "kỳ đánh giá quốc gia", "nông thôn mới", "mọi người", "tham nhũng",
              "công tác tuyên giáo", "giao thông", "giao nhiệm vụ", "quốc gia", "bảo vệ", "bảo đảm",
              "bảo hiểm", "bao gồm", "mức phạt tiền", "có thể", "có thể xem xét", "thể thao", "thế giới"};
    for (const auto& t : texts_) {
      std::vector<text::Token> tokens;
      text::tokenize(t, tokens);
      Xapian::Document doc;
      for (const auto& token : tokens) doc.add_term(token.norm);
      db_.add_document(doc);
    }
    for (const auto& t : texts_) text::tokenize(t, context_.emplace_back());
  }

  std::string suggest(const std::string& q) {
    std::vector<text::Token> tokens;
    text::tokenize(q, tokens);
    bool marked = false;
    for (const auto& t : tokens) marked |= t.norm != t.folded;
    AccentRestorer restorer(db_);
    const auto out = restorer.restore(tokens, context_, marked);
    if (!out) return "(as typed)";
    std::string s;
    for (const auto& w : *out) s += (s.empty() ? "" : " ") + w;
    return s;
  }

  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  std::vector<std::string> texts_;
  std::vector<std::vector<text::Token>> context_;  // the texts, analysed
};

TEST_F(Restore, UnaccentedQueriesGetTheirMarks) {
  EXPECT_EQ(suggest("nong thon moi"), "nông thôn mới");
  EXPECT_EQ(suggest("tham nhung"), "tham nhũng");
  EXPECT_EQ(suggest("quoc gia"), "quốc gia");
}

TEST_F(Restore, MixedQueriesGetTheMarksTheyLack) {
  EXPECT_EQ(suggest("nông thon moi"), "nông thôn mới");
  // `giao` is a common word, but the documents never write it after `tuyên`.
  EXPECT_EQ(suggest("công tác tuyên giao"), "công tác tuyên giáo");
}

TEST_F(Restore, AWordWrittenAsTypedBesideItsNeighbourStays) {
  // `giá kết` is the frequent pair in the documents, but `quốc gia` is how they write this one:
  // a writer who types marks meant `gia`.
  EXPECT_EQ(suggest("đánh giá quốc gia kết quả"), "(as typed)");
  EXPECT_EQ(suggest("đánh giá kết quả"), "(as typed)");
}

TEST_F(Restore, ACommonWordTheDocumentsNeverWriteOtherwiseStays) {
  // `bảo` is the commoner word and no document says `bao nhiêu`: nothing says `bao` was meant otherwise.
  EXPECT_EQ(suggest("mức phạt bao nhiêu"), "(as typed)");
}

TEST_F(Restore, QuestionPhrasingIsRestoredThoughTheArchiveSeldomUsesIt) {
  // The documents say `thể` far more than `thế` and never `thế nào`; people ask `như thế nào`.
  EXPECT_EQ(suggest("muc phat nhu the nao"), "mức phạt như thế nào");
  EXPECT_EQ(suggest("co the xem xet"), "có thể xem xét");  // the archive's own phrase still wins
}

TEST_F(Restore, ALoneCommonWordStaysInAMarkedQuery) {
  // Restored alone it would be the commoner `giá` (an unmarked query); `gia` is common enough
  // to be what a person who types marks meant.
  std::vector<text::Token> tokens;
  text::tokenize("gia", tokens);
  AccentRestorer restorer(db_);
  EXPECT_FALSE(restorer.restore(tokens, {}, true).has_value());
}

}  // namespace
}  // namespace vankho::query
