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

// The ids of the first hits of `q` over the index at `index`.
std::vector<std::string> hit_ids(const std::string& index, const std::string& q) {
  query::Searcher searcher(index);
  query::SearchRequest r;
  r.q = q;
  std::vector<std::string> out;
  for (const auto& h : searcher.search(r).hits) out.push_back(h.id);
  return out;
}

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
  std::vector<std::string> ids(const std::string& q) { return hit_ids(dir_->str("index"), q); }
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

// An export of articles that names each act on its first article only (--field parent=... and
// parent_title=..., as the legal corpus is indexed): an act is found by its name, also a name that
// holds another act's code, and a question's article comes from the act its words name.
class KnownByName : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    auto article = [](const std::string& id, const std::string& act, const std::string& note, const std::string& title,
                      const std::string& text) {
      return R"({"id": ")" + id + R"(", "so": ")" + act + R"(", "ghichu": ")" + note + R"(", "title": ")" + title +
             R"(", "text": ")" + text + "\"}\n";
    };
    std::string jsonl;
    // The amended decree: its own articles say "Nghị định này" and "thuế xuất khẩu".
    for (int a = 1; a <= 3; ++a) {
      const std::string n = std::to_string(a);
      jsonl += article("nd134-" + n, "134/2016/NĐ-CP",
                       a == 1 ? "Nghị định số 134/2016/NĐ-CP Quy định chi tiết Luật Thuế xuất khẩu, thuế nhập khẩu ngày 1/9/2016"
                              : "Nghị định số 134/2016/NĐ-CP, có hiệu lực",
                       "Điều " + n + ". Miễn thuế", "Nghị định này quy định miễn thuế xuất khẩu, thuế nhập khẩu, điều " + n + ".");
    }
    // The decree amending it: its name holds the other's code.
    jsonl += article("nd18-1", "18/2021/NĐ-CP",
                     "Nghị định số 18/2021/NĐ-CP Sửa đổi, bổ sung một số điều của Nghị định số 134/2016/NĐ-CP ngày 11/3/2021",
                     "Điều 1. Sửa đổi Điều 5", "Sửa đổi Điều 5 Nghị định số 134/2016/NĐ-CP về hồ sơ miễn thuế.");
    jsonl += article("nd18-2", "18/2021/NĐ-CP", "Nghị định số 18/2021/NĐ-CP, có hiệu lực", "Điều 2. Hiệu lực",
                     "Nghị định này có hiệu lực từ ngày ký.");
    // Two acts with an article of the same title and words: the act's name decides.
    jsonl += article("tn-1", "57/2020/QH14", "Luật số 57/2020/QH14 Luật Thanh niên ngày 16/6/2020",
                     "Điều 1. Phạm vi điều chỉnh",
                     "Luật này quy định quyền và nghĩa vụ, chính sách của Nhà nước đối với công dân trong độ tuổi.");
    jsonl += article("tn-2", "57/2020/QH14", "Luật số 57/2020/QH14, có hiệu lực", "Điều 2. Đối tượng áp dụng",
                     "Luật này áp dụng đối với công dân.");
    jsonl += article("bd-1", "80/2006/QH11", "Luật số 80/2006/QH11 Luật Bình đẳng giới ngày 29/11/2006",
                     "Điều 1. Phạm vi điều chỉnh", "Luật này quy định quyền và nghĩa vụ, chính sách của Nhà nước.");
    // Other acts, so that a code is as rare, and the words of an amending act's name are as common,
    // as in a real archive.
    for (int a = 1; a <= 300; ++a) {
      const std::string n = std::to_string(a);
      jsonl += article("other-" + n, n + "/2019/TT-BTC", "Thông tư số " + n + "/2019/TT-BTC, có hiệu lực",
                       "Điều 1. Hướng dẫn", "Sửa đổi, bổ sung một số điều của thủ tục về kế toán, số " + n + ".");
    }
    dir_->write("acts/acts.jsonl", jsonl);
    ingest::IngestOptions ingest;
    ingest.field_map = {{"parent", "so"}, {"number", "so"}, {"parent_title", "ghichu"}};
    ingest.parent_title_pattern = R"(số {parent} (.+?) ngày \d)";
    index::WriterOptions options;
    options.index_dir = dir_->str("index");
    index::IndexWriter writer(options);
    (void)index::index_paths(writer, {dir_->str("acts")}, ingest);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  std::vector<std::string> ids(const std::string& q) { return hit_ids(dir_->str("index"), q); }
  static testing::TempDir* dir_;
};
testing::TempDir* KnownByName::dir_ = nullptr;

TEST_F(KnownByName, ANameHoldingAnotherActsCodeFindsTheActItNames) {
  for (const std::string q : {"Sửa đổi, bổ sung một số điều của Nghị định số 134/2016/NĐ-CP",
                              "sua doi, bo sung mot so dieu cua nghi dinh so 134/2016/nd-cp"}) {
    const auto got = ids(q);
    ASSERT_FALSE(got.empty()) << q;
    EXPECT_EQ(got[0].substr(0, 5), "nd18-") << q;
  }
  // The code alone, or with its type words, is that act.
  for (const std::string q : {"134/2016/NĐ-CP", "nghị định 134/2016"}) {
    const auto got = ids(q);
    ASSERT_FALSE(got.empty()) << q;
    EXPECT_EQ(got[0].substr(0, 6), "nd134-") << q;
  }
}

TEST_F(KnownByName, AQuestionsArticleComesFromTheActItsWordsName) {
  EXPECT_EQ(ids("Phạm vi điều chỉnh của Luật Thanh niên là gì?").at(0), "tn-1");
  EXPECT_EQ(ids("Phạm vi điều chỉnh của Luật Bình đẳng giới là gì?").at(0), "bd-1");
  EXPECT_EQ(ids("luat thanh nien").at(0).substr(0, 3), "tn-");
}

}  // namespace
}  // namespace vankho
