#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "extract.h"

namespace vankho::extract {
namespace {

namespace fs = std::filesystem;

std::vector<text::Token> tokens_of(std::string_view text) {
  std::vector<text::Token> out;
  text::tokenize(text, out);
  return out;
}

// A temporary folder of this test's own, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("vankho-themes-test-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  [[nodiscard]] std::string write(const std::string& name, const std::string& content) const {
    const fs::path p = path_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  fs::path path_;
};

TEST(Themes, BuiltinHasTheFifteenThemes) {
  const ThemeTaxonomy& t = ThemeTaxonomy::builtin();
  EXPECT_EQ(t.themes().size(), 15u);
  for (std::string_view id :
       {"xay-dung-dang", "kinh-te", "nong-nghiep-nong-thon", "chuyen-doi-so", "quoc-phong-an-ninh",
        "phong-chong-tham-nhung", "y-te", "giao-duc", "van-hoa-xa-hoi", "an-sinh-xa-hoi",
        "moi-truong", "dau-tu-ha-tang", "cai-cach-hanh-chinh", "doi-ngoai", "dich-benh"}) {
    const Theme* theme = t.find(id);
    ASSERT_NE(theme, nullptr) << id;
    EXPECT_GE(theme->phrases.size(), 5u) << id;
  }
}

TEST(Themes, ShippedFileMatchesTheBuiltin) {
  std::string error;
  auto t =
      ThemeTaxonomy::load(std::string(VANKHO_SOURCE_DIR) + "/indexer/extract/themes.tsv", error);
  ASSERT_TRUE(t) << error;
  ASSERT_EQ(t->themes().size(), ThemeTaxonomy::builtin().themes().size());
  for (size_t i = 0; i < t->themes().size(); ++i) {
    EXPECT_EQ(t->themes()[i].id, ThemeTaxonomy::builtin().themes()[i].id);
    EXPECT_EQ(t->themes()[i].phrases, ThemeTaxonomy::builtin().themes()[i].phrases);
  }
}

TEST(Themes, FindByIdOrLabelAnyAccents) {
  const ThemeTaxonomy& t = ThemeTaxonomy::builtin();
  EXPECT_EQ(t.find("chuyen-doi-so")->label, "Chuyển đổi số");
  EXPECT_EQ(t.find("Chuyển đổi số")->id, "chuyen-doi-so");
  EXPECT_EQ(t.find("chuyen doi so")->id, "chuyen-doi-so");
  EXPECT_EQ(t.find("Văn hoá, xã hội")->id, "van-hoa-xa-hoi");
  EXPECT_EQ(t.find("không có"), nullptr);
}

TEST(Themes, ScoresAdjacentCanonicalTokensWhateverTheAccentStyle) {
  std::string error;
  auto t = ThemeTaxonomy::parse(
      "# test\n"
      "so\tChuyển đổi số\tchuyển đổi số | chính quyền số\n"
      "hoa\tHòa bình\thoà bình\n"
      "tn\tTham nhũng\tphòng, chống tham nhũng | tham nhũng\n",
      error);
  ASSERT_TRUE(t) << error;
  // hòa/hoà and the punctuation between words do not matter; a split phrase does.
  const auto scores = t->score(tokens_of(
      "Đẩy mạnh chuyển đổi số, chính quyền số. Hòa bình, hoà bình. Phòng chống tham nhũng, "
      "phòng, chống tham nhũng. Chuyển đổi và số."));
  ASSERT_EQ(scores.size(), 3u);
  EXPECT_EQ(scores[0].id, "tn");   // the longest phrase counts once per position: 2 hits of 4
  EXPECT_EQ(scores[1].id, "so");   // 2 hits of 3 words
  EXPECT_EQ(scores[2].id, "hoa");  // 2 hits of 2 words
  EXPECT_NEAR(scores[1].score / scores[2].score, 3.0 / 2.0, 0.01);
  // The same hits in a longer text score lower.
  const auto longer = t->score(tokens_of(
      "Đẩy mạnh chuyển đổi số, chính quyền số trong toàn bộ các cơ quan đơn vị địa phương của "
      "tỉnh nhà với nhiều nội dung khác nhau cần được xem xét thêm nữa ở các kỳ họp sau này."));
  ASSERT_EQ(longer.size(), 1u);
  EXPECT_LT(longer[0].score, scores[0].score * 2);
}

TEST(Themes, ThresholdNeedsTwoHits) {
  std::string error;
  auto t = ThemeTaxonomy::parse("y\tY tế\tbệnh viện\n", error);
  ASSERT_TRUE(t) << error;
  EXPECT_TRUE(t->score(tokens_of("Xây bệnh viện.")).empty());
  EXPECT_EQ(t->score(tokens_of("Xây bệnh viện, bệnh viện.")).size(), 1u);
  EXPECT_TRUE(t->score({}).empty());
}

TEST(Themes, RepeatedIdAddsPhrases) {
  std::string error;
  auto t = ThemeTaxonomy::parse("a\tA\tmột hai\na\tA\tba bốn | một hai\n", error);
  ASSERT_TRUE(t) << error;
  ASSERT_EQ(t->themes().size(), 1u);
  EXPECT_EQ(t->themes()[0].phrases, (std::vector<std::string>{"một hai", "ba bốn"}));
}

TEST(Themes, LoadErrorsNameFileAndLine) {
  TempDir dir;
  struct Case {
    std::string content, expected;  // expected: the message after "<path>:"
  };
  const std::vector<Case> cases = {
      {"# c\n\nok\tOK\tmột hai\nbad line\n", "4: expected 3 tab-separated columns"},
      {"Bad Id\tX\tmột\n", "1: theme id 'Bad Id' must be lower-case"},
      {"a\t\tmột\n", "1: theme 'a' has an empty label"},
      {"a\tA\tmột || hai\n", "1: empty phrase in theme 'a'"},
      {"a\tA\tmột |\n", "1: empty phrase in theme 'a'"},
      {"a\tA\tmột\n\na\tB\thai\n", "3: theme 'a' has label 'B' here but 'A' on line 1"},
      {"a\tA\t---\n", "1: phrase '---' has no words"},
      {"a\tA\tm\xff\n", "1: not valid UTF-8"},
      {"# only comments\n", "1: no themes defined"},
  };
  for (const auto& c : cases) {
    const std::string path = dir.write("themes.tsv", c.content);
    std::string error;
    EXPECT_FALSE(ThemeTaxonomy::load(path, error)) << c.content;
    EXPECT_TRUE(error.starts_with(path + ":" + c.expected)) << error << "\n" << c.expected;
  }
  std::string error;
  EXPECT_FALSE(ThemeTaxonomy::load(dir.write("x", "") + ".missing", error));
  EXPECT_NE(error.find(".missing: cannot open the theme file"), std::string::npos) << error;
  EXPECT_TRUE(ThemeTaxonomy::load(dir.write("ok.tsv", "a\tA\tmột hai\r\n"), error)) << error;
}

}  // namespace
}  // namespace vankho::extract
