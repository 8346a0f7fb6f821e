#include <gtest/gtest.h>

#include <set>
#include <string>

#include "extract.h"
#include "title.h"

namespace vankho::extract {
namespace {

TEST(DocType, EveryIssueTypeIsKnown) {
  for (std::string_view slug :
       {"chuong-trinh", "chuong-trinh-hanh-dong", "nghi-quyet", "chi-thi", "ket-luan", "quyet-dinh",
        "quy-dinh", "ke-hoach", "huong-dan", "thong-bao", "bao-cao", "de-an", "quy-che", "cong-van",
        "tin-bai", "nghi-dinh", "thong-tu"}) {
    EXPECT_NE(doc_type_by_slug(slug), nullptr) << slug;
  }
  std::set<std::string_view> slugs;
  for (const DocType& t : doc_types()) EXPECT_TRUE(slugs.insert(t.slug).second) << t.slug;
}

TEST(DocType, ByCodeLetters) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"NQ", "nghi-quyet"}, {"KL", "ket-luan"},      {"CT", "chi-thi"},  {"QD", "quyet-dinh"},
      {"HD", "huong-dan"},  {"CTR", "chuong-trinh"}, {"KH", "ke-hoach"}, {"TB", "thong-bao"},
      {"BC", "bao-cao"},    {"DA", "de-an"},         {"QC", "quy-che"},  {"ND", "nghi-dinh"},
      {"TT", "thong-tu"},   {"QDI", "quy-dinh"},
  };
  for (const auto& [letters, slug] : cases) {
    const DocType* t = doc_type_by_code_letters(letters);
    ASSERT_NE(t, nullptr) << letters;
    EXPECT_EQ(t->slug, slug) << letters;
  }
  EXPECT_EQ(doc_type_by_code_letters(""), nullptr);
  EXPECT_EQ(doc_type_by_code_letters("XYZ"), nullptr);
}

TEST(DocType, ByWords) {
  EXPECT_EQ(doc_type_by_words("nghi quyet")->slug, "nghi-quyet");
  EXPECT_EQ(doc_type_by_words("chuong trinh hanh dong")->slug, "chuong-trinh-hanh-dong");
  EXPECT_EQ(doc_type_by_words("de an")->slug, "de-an");
  EXPECT_EQ(doc_type_by_words("van ban"), nullptr);
  EXPECT_EQ(doc_type_by_words(""), nullptr);
}

TEST(DocType, HeadingInCapitals) {
  struct Case {
    std::string line;
    std::string_view slug;  // "" when not a type heading
    std::string rest;       // the line after the type words
  };
  const std::vector<Case> cases = {
      {"CHƯƠNG TRÌNH", "chuong-trinh", ""},
      {"CHƯƠNG TRÌNH HÀNH ĐỘNG NĂM 2023", "chuong-trinh-hanh-dong", " NĂM 2023"},
      {"CHƯƠNG TRÌNH**làm việc tháng 9", "chuong-trinh", "**làm việc tháng 9"},
      {"CHƯƠNG TRÌNHlàm việc", "chuong-trinh", "làm việc"},
      {"NGHỊ QUYẾT", "nghi-quyet", ""},
      {"QUY ĐỊNH", "quy-dinh", ""},
      {"QUYẾT ĐỊNH", "quyet-dinh", ""},
      {"THÔNG BÁO KẾT LUẬN", "thong-bao", " KẾT LUẬN"},
      {"ĐỀ ÁN", "de-an", ""},
      {"ĐẢNG CỘNG SẢN VIỆT NAM", "", ""},
      {"Chương trình công tác", "", ""},  // not in capitals: body text
      {"CHƯƠNG", "", ""},
  };
  for (const auto& c : cases) {
    size_t after = 0;
    const DocType* t = detail::type_heading(c.line, after);
    EXPECT_EQ(t ? t->slug : "", c.slug) << c.line;
    if (t) {
      EXPECT_EQ(c.line.substr(after), c.rest) << c.line;
    }
  }
}

}  // namespace
}  // namespace vankho::extract
