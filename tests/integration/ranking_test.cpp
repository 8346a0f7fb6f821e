// Ranking behaviours on small hand-made archives where the right order is obvious.
#include <gtest/gtest.h>

#include "ranking.h"
#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

class Ranking : public ::testing::Test {
 protected:
  void index(const std::vector<std::pair<std::string, std::string>>& docs) {
    for (const auto& [name, text] : docs) dir_.write("docs/" + name, text);
    testing::build_index(dir_.str("index"), {dir_.str("docs")});
    searcher_ = std::make_unique<query::Searcher>(dir_.str("index"));
  }
  std::vector<std::string> ids(const std::string& q) {
    query::SearchRequest r;
    r.q = q;
    std::vector<std::string> out;
    for (const auto& h : searcher_->search(r).hits) out.push_back(h.id);
    return out;
  }
  testing::TempDir dir_;
  std::unique_ptr<query::Searcher> searcher_;
};

TEST_F(Ranking, AQuestionRanksTheArticleItsTitleNamesFirst) {
  index({{"co-so.md", "# Cơ sở vật chất\n\nSân tập luyện môn bóng phải đủ rộng; mật độ cây xanh quanh sân hợp lý."},
         {"mat-do.md", "# Mật độ tập luyện\n\nMỗi người tập có ít nhất 20 mét vuông sân."},
         {"thi-dau.md", "# Thi đấu\n\nGiải thi đấu được tổ chức hằng năm."},
         {"trong-tai.md", "# Trọng tài\n\nTrọng tài điều khiển trận đấu theo luật."}});
  const std::string q = "Mật độ tập luyện môn bóng ném được quy định như thế nào?";
  query::RankingWeights without;
  without.title_coverage = 0;
  query::Searcher plain(dir_.str("index"), without);
  query::SearchRequest r;
  r.q = q;
  const auto bm25 = plain.search(r).hits;
  ASSERT_GE(bm25.size(), 2u);
  EXPECT_EQ(bm25[0].id, "co-so.md");  // the words alone favour the neighbour that says more of them


  EXPECT_EQ(ids(q).at(0), "mat-do.md");
}

TEST_F(Ranking, PagesOfAReorderedQuestionFollowOneOrder) {
  std::vector<std::pair<std::string, std::string>> docs;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    docs.push_back({"d" + n + ".md", "# " + std::string(i % 3 == 0 ? "Mật độ tập luyện " : "Quy định ") + n +
                                         "\n\nSân tập luyện môn bóng ném số " + n + " có mật độ hợp lý." +
                                         std::string(i % 4, '!')});
  }
  index(docs);
  query::SearchRequest r;
  r.q = "Mật độ tập luyện môn bóng ném được quy định như thế nào?";
  r.limit = 30;
  std::vector<std::string> whole;
  for (const auto& h : searcher_->search(r).hits) whole.push_back(h.id);
  ASSERT_EQ(whole.size(), 30u);
  std::vector<std::string> paged;
  for (size_t offset : {0, 7, 14, 21, 28}) {
    r.offset = offset;
    r.limit = 7;
    for (const auto& h : searcher_->search(r).hits) paged.push_back(h.id);
  }
  EXPECT_EQ(paged, whole);
}

TEST_F(Ranking, ExactAccentRanksAboveFoldedMatch) {
  index({{"duong-tinh.txt", "Kết quả xét nghiệm dương tính với dịch bệnh, dương tính."},
         {"con-duong.txt", "Con đường phát triển kinh tế của tỉnh."}});
  const auto accented = ids("đường");
  ASSERT_EQ(accented.size(), 2u);  // the folded match is still found...
  EXPECT_EQ(accented[0], "con-duong.txt");  // ...but below the exact one
  const auto other = ids("dương");
  ASSERT_FALSE(other.empty());
  EXPECT_EQ(other[0], "duong-tinh.txt");
  EXPECT_EQ(ids("duong").size(), 2u);
}

TEST_F(Ranking, AdjacentSyllablesRankAboveScatteredOnes) {
  index({{"scattered.txt",
          "Phòng họp được sửa. Chống lũ là việc lớn. Tham gia đầy đủ. Nhũng nhiễu bị xử lý. Phòng, chống."},
         {"adjacent.txt", "Tăng cường công tác phòng, chống tham nhũng, lãng phí trong toàn tỉnh."},
         {"digital-apart.txt", "Số liệu chuyển về; đổi mới cách làm; chuyển giao."},
         {"digital.txt", "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước."}});
  EXPECT_EQ(ids("phòng chống tham nhũng").at(0), "adjacent.txt");
  EXPECT_EQ(ids("phong chong tham nhung").at(0), "adjacent.txt");
  EXPECT_EQ(ids("chuyển đổi số").at(0), "digital.txt");
  // A quoted phrase matches only adjacent syllables, with or without marks.
  EXPECT_EQ(ids("\"chuyen doi so\""), std::vector<std::string>{"digital.txt"});
  EXPECT_EQ(ids("\"tham nhũng\""), std::vector<std::string>{"adjacent.txt"});
}

TEST_F(Ranking, QuestionsAreNotAnAndOfEveryWord) {
  index({{"answer.txt",
          "Điều 5. Thời hạn cấp Giấy chứng nhận đăng ký hoạt động lưu ký chứng khoán\n"
          "Giấy chứng nhận đăng ký hoạt động lưu ký chứng khoán được cấp trong thời hạn 15 ngày."},
         {"noise-1.txt", "Giấy phép lái xe được cấp trong bao lâu tùy theo hạng."},
         {"noise-2.txt", "Chứng khoán niêm yết trên sở giao dịch được giao dịch hằng ngày."},
         {"noise-3.txt", "Hoạt động đăng ký kết hôn được thực hiện tại ủy ban nhân dân xã."}});
  const auto got =
      ids("Giấy chứng nhận đăng ký hoạt động lưu ký chứng khoán được cấp trong bao lâu?");
  ASSERT_GE(got.size(), 3u);  // documents with only some of the words are found too
  EXPECT_EQ(got[0], "answer.txt");
}

TEST_F(Ranking, AllWordsOfAShortQueryAreRequiredWithFallback) {
  index({{"both.txt", "Xây dựng nông thôn mới."}, {"one.txt", "Nông sản được mùa."}});
  EXPECT_EQ(ids("nông thôn"), std::vector<std::string>{"both.txt"});
  query::SearchRequest r;
  r.q = "nông nghiệp";  // no document has both words: fall back to any of them
  const auto resp = searcher_->search(r);
  EXPECT_FALSE(resp.hits.empty());
  EXPECT_FALSE(resp.query.all_words_required);
  EXPECT_FALSE(resp.query.warnings.empty());
}

TEST_F(Ranking, TheDocumentThatIsTheCodeComesBeforeItsCiters) {
  index({{"a-citer.txt", "KẾ HOẠCH\nthực hiện Nghị quyết số 05-NQ/TU của Tỉnh ủy về chuyển đổi số."},
         {"z-the-resolution.txt",
          "TỈNH ỦY HẬU GIANG\nSố 05-NQ/TU\nHậu Giang, ngày 02 tháng 4 năm 2022\nNGHỊ QUYẾT\nvề chuyển đổi số"}});
  const auto got = ids("NQ 5");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "z-the-resolution.txt");
  EXPECT_EQ(got[1], "a-citer.txt");
}

}  // namespace
}  // namespace vankho
