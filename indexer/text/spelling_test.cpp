#include "spelling.h"

#include <gtest/gtest.h>

#include "fold.h"
#include "normalize.h"

namespace vankho::text {
namespace {

TEST(Spelling, BothSpellingsOfAVariantAreOneWord) {
  const std::vector<std::pair<std::string, std::string>> same = {
      {"quản lí", "quản lý"}, {"kĩ thuật", "kỹ thuật"}, {"bác sĩ", "bác sỹ"}, {"quí I", "quý I"},
      {"nhiệm kì", "nhiệm kỳ"}, {"hi sinh", "hy sinh"},  {"tỉ lệ", "tỷ lệ"},   {"QUẢN LÍ", "quản lý"},
      {"Mĩ", "Mỹ"},           {"qui định", "quy định"}, {"kí kết", "ký kết"}, {"đôi giầy", "đôi giày"},
      {"dầy đặc", "dày đặc"}};
  for (const auto& [a, b] : same) {
    EXPECT_EQ(normalize(a), normalize(b)) << a;
    EXPECT_EQ(fold(a), fold(b)) << a;
  }
  EXPECT_EQ(normalize("quản lí"), "quản lý");  // the spelling official documents mostly use
  EXPECT_EQ(fold("Quản lí, kĩ thuật."), "quan ly, ky thuat.");
}

TEST(Spelling, OtherIsAndYsStayAsTheyAre) {
  // After other consonants one spelling is no word; in a diphthong i and y are different words;
  // giấy (paper) is not giáy, dậy (wake) not dạy (teach).
  for (const char* word : {"vi phạm", "thi", "chi", "khi", "phí", "tai", "tay", "giấy", "dậy", "dây", "ý kiến",
                           "y tế", "gì", "ti1", "li-xăng", "nghị"}) {
    const std::string n = normalize(word);
    EXPECT_EQ(normalize(n), n) << word;
  }
  EXPECT_NE(normalize("vi"), normalize("vy"));
  EXPECT_NE(normalize("tai"), normalize("tay"));
  EXPECT_NE(normalize("giấy"), normalize("giáy"));
  EXPECT_NE(fold("thi"), fold("thy"));
  EXPECT_EQ(fold("ti1"), "ti1");  // with a digit it is no syllable
}

TEST(Spelling, NormalizedWordsAndTheirFoldsAgree) {
  std::string norm, folded;
  for (const char* word : {"lí", "LI", "qUí", "kỉ", "Giầy"}) {
    normalize_word(word, norm, folded);
    EXPECT_EQ(folded, fold(word)) << word;
    EXPECT_EQ(fold(norm), folded) << word;
  }
}

}  // namespace
}  // namespace vankho::text
