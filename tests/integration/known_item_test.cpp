// Known-item search: staff look for a document they know by its number, typed the way people type
// it. Every spelling of a state document's number with its year names that one act: its records
// come first, before any other act's (other years, other types, its citers).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

// One JSON-lines record of an act's article.
std::string record(const std::string& id, const std::string& number, const std::string& title,
                   const std::string& text) {
  return R"({"id": ")" + id + R"(", "number": ")" + number + R"(", "title": ")" + title + R"(", "text": ")" +
         text + "\"}\n";
}

class KnownItem : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::string jsonl;
    for (int article = 1; article <= 3; ++article) {  // the act looked for: three articles
      const std::string a = std::to_string(article);
      jsonl += record("nd91-2015-" + a, "91/2015/NĐ-CP", "Điều " + a + ". Đầu tư vốn nhà nước vào doanh nghiệp",
                      "Nghị định này quy định về đầu tư vốn nhà nước vào doanh nghiệp, điều " + a + ".");
    }
    jsonl += record("nd91-2016", "91/2016/NĐ-CP", "Điều 1. Quản lý hóa chất", "Quản lý hóa chất, chế phẩm diệt côn trùng.");
    jsonl += record("tt91-2015", "91/2015/TT-BTC", "Điều 1. Phí thẩm định", "Thông tư về phí thẩm định dự án.");
    jsonl += record("nd12-2015", "12/2015/NĐ-CP", "Điều 1. Thuế", "Sửa đổi các nghị định về thuế năm 2015, nghị định 91.");
    jsonl += record("luat-1", "57/2020/QH14", "Điều 1. Thanh niên", "Thanh niên là công dân Việt Nam.");
    jsonl += record("luat-2", "57/2020/QH14", "Điều 2. Phạm vi điều chỉnh", "Luật này quy định về thanh niên.");
    jsonl += record("luat-2019", "57/2019/QH14", "Điều 1. Khác", "Một luật khác.");
    jsonl += record("citer", "5/2017/TT-BTC", "Điều 1. Hướng dẫn",
                    "Hướng dẫn Nghị định số 91/2015/NĐ-CP về đầu tư vốn nhà nước vào doanh nghiệp.");
    dir_->write("acts/acts.jsonl", jsonl);
    testing::build_index(dir_->str("index"), {dir_->str("acts")});
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  std::vector<std::string> ids(const std::string& q) {
    query::Searcher searcher(dir_->str("index"), extract::AccessLevel::kTuyetMat);
    query::SearchRequest r;
    r.q = q;
    std::vector<std::string> out;
    for (const auto& h : searcher.search(r).hits) out.push_back(h.id);
    return out;
  }
  static testing::TempDir* dir_;
};
testing::TempDir* KnownItem::dir_ = nullptr;

TEST_F(KnownItem, EverySpellingOfANumberWithItsYearPutsThatActFirst) {
  for (const std::string q : {"91/2015/NĐ-CP", "91/2015/nd-cp", "nghị định 91/2015", "Nghị định số 91/2015",
                              "nghi dinh 91/2015", "ND 91/2015", "nđ 91/2015", "NĐ 91 năm 2015", "91 2015 nd cp",
                              "91 2015 NĐ-CP", "91 2015 nđ"}) {
    const auto got = ids(q);
    ASSERT_GE(got.size(), 3u) << q;
    for (size_t k = 0; k < 3; ++k) EXPECT_EQ(got[k].substr(0, 10), "nd91-2015-") << q << ": hit " << k;
    for (const auto& id : got) {
      EXPECT_NE(id, "nd91-2016") << q << ": another year";
      EXPECT_NE(id, "tt91-2015") << q << ": another type";
    }
  }
}

// A law's code has no type letters (57/2020/QH14): `luật` and the year name it, or its parts.
TEST_F(KnownItem, ALawIsFoundByItsNumberAndYear) {
  for (const std::string q : {"luật 57/2020", "Luật số 57/2020", "luat 57 nam 2020", "57 2020 qh14", "57/2020/QH14"}) {
    const auto got = ids(q);
    ASSERT_GE(got.size(), 2u) << q;
    EXPECT_EQ(got[0].substr(0, 5), "luat-") << q;
    EXPECT_EQ(got[1].substr(0, 5), "luat-") << q;
    for (const auto& id : got) EXPECT_NE(id, "luat-2019") << q;
  }
}

TEST_F(KnownItem, WithoutAYearEveryActOfThatNumberAndTypeComesFirst) {
  const auto got = ids("nđ 91");
  ASSERT_GE(got.size(), 4u);
  std::vector<std::string> first(got.begin(), got.begin() + 4);
  std::sort(first.begin(), first.end());
  EXPECT_EQ(first, (std::vector<std::string>{"nd91-2015-1", "nd91-2015-2", "nd91-2015-3", "nd91-2016"}));
}

TEST_F(KnownItem, ANumberAndYearOfNoActInTheArchiveAreSearchedAsTyped) {
  // 2019 names no act 91: the words and the year are searched, nothing is pretended.
  const auto got = ids("91 2019 nd cp");
  for (const auto& id : got) EXPECT_NE(id.substr(0, 10), "nd91-2015-");
}

}  // namespace
}  // namespace vankho
