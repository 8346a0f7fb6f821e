#include "syllable.h"

#include <gtest/gtest.h>

#include "golden.h"
#include "legacy_encoding.h"

namespace vankho::formats {
namespace {

using golden::kSentences;

// --- The syllable validator ---

TEST(Syllable, ValidVietnameseSyllables) {
  for (std::string_view w :
       {"nghị",  "quyết", "của",  "cuả",   "Đảng", "ủy",      "uỷ",    "thuỷ",  "hoà",
        "hòa",   "tòan",  "nứơc", "người", "được", "nghiêng", "khuỷu", "khuya", "quốc",
        "giữa",  "gìn",   "gì",   "giếng", "ếch",  "anh",     "huỳnh", "xoong", "rượu",
        "ngoẹo", "hoặc",  "tuần", "thuở",  "yêu",  "ý",       "kỹ",    "NGHỊ",  "Quyết",
        "ĐẢNG",  "nam",   "cac",  "tac",   "năm",  "ở"}) {
    EXPECT_TRUE(legacy::is_vietnamese_syllable(w)) << w;
  }
}

TEST(Syllable, InvalidWords) {
  for (std::string_view w :
       {"NghÞ", "quyÕt", "ñy",    "Café",  "résumé", "naïve",  "ka",   "ci",  "ghu", "nge", "ge",
        "bàt",  // grave tone on a stop final
        "ăngx", "ă",     "iêun",  "str",   "tHe",    "quyeát", "Nghò", "uûy", "xyz", "NQ",  "TW",
        "hoàà", "qa",    "vieät", "quoác", "caí",    "saỏ"}) {
    EXPECT_FALSE(legacy::is_vietnamese_syllable(w)) << w;
  }
}

TEST(Syllable, Share) {
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share(kSentences[0]), 1.0);
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("Nghị quyết 13-NQ/TW"), 1.0);  // NQ, TW: no words
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("Nghị quyết về Café"), 0.75);
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("2022 13/4"), 0.0);  // no words
  EXPECT_LT(vietnamese_syllable_share("NghÞ quyÕt ®¶ng ñy"), 0.3);
  EXPECT_LT(vietnamese_syllable_share("Nghò quyeát Ñaûng uûy"), 0.3);
}

}  // namespace
}  // namespace vankho::formats
