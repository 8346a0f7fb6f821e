#include "normalize.h"

#include <gtest/gtest.h>

namespace vankho::text {
namespace {

TEST(Normalize, GoldenTable) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"   ", "   "},
      {"ĐẢNG ỦY", "đảng uỷ"},
      {"\xC3\x90\xE1\xBA\xA2NG", "đảng"},              // Ð (U+00D0) is Đ
      {"a\xC2\xA0" "b", "a b"},                          // NBSP
      {"a\xE2\x80\x83" "b", "a b"},                      // EM SPACE
      {"chuy\xE1\xBB\x83n\xE2\x80\x8B" "đổi", "chuyển đổi"},  // a zero-width space separates words
      {"ngh\xE2\x80\x8D" "ị", "nghị"},                     // a zero-width joiner is removed
      {"đổi\xC2\xADmới", "đổimới"},                      // soft hyphen removed
      {"a\xE2\x80\x93" "b\xE2\x80\x94" "c\xE2\x88\x92" "d\xE2\x80\x91" "e", "a-b-c-d-e"},
      {"Covid-19", "covid-19"},
      {"HĐND tỉnh", "hđnd tỉnh"},
      {"Tỉnh ủy Hậu Giang", "tỉnh uỷ hậu giang"},
      {"Straße", "strasse"},                               // non-Vietnamese letters: ICU case folding
      {"Москва", "москва"},
      {"Stra\xC3\x9F" "e\xC3\x90", "strasse\xC4\x91"},  // Ð is Đ beside a non-Vietnamese letter too
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(normalize(in), want) << in;
}

TEST(Normalize, NfdEqualsNfc) {
  // "Việt Nam hoà" written with combining marks (NFD): e + circumflex + dot below, o + grave.
  const std::string nfd = "Vie\xCC\x82\xCC\xA3t Nam ho\xCC\x80" "a";
  EXPECT_EQ(normalize(nfd), normalize("Việt Nam hòa"));
  EXPECT_EQ(normalize(nfd), "việt nam hoà");
  // U+0340 and U+0341, the deprecated grave and acute tone marks, are U+0300 and U+0301 in NFC.
  EXPECT_EQ(normalize("ho\xCD\x80" "a"), "hoà");
  EXPECT_EQ(normalize("1\xCD\x80 ca\xCD\x81"), normalize("1\xCC\x80 ca\xCC\x81"));
  // A letter that case folding makes Vietnamese (ſ, U+017F, is s) gets the tone placed as s would.
  EXPECT_EQ(normalize("y\xC5\xBF\xCC\x89"), normalize("ys\xCC\x89"));
}

TEST(Normalize, WordInterface) {
  std::string norm, folded;
  normalize_word("Thủy", norm, folded);
  EXPECT_EQ(norm, "thuỷ");
  EXPECT_EQ(folded, "thuy");
  normalize_word("ĐẢNG", norm, folded);
  EXPECT_EQ(norm, "đảng");
  EXPECT_EQ(folded, "dang");
}

TEST(Normalize, AWordNormalizedAgainGivesTheSameFormsEvenAfterManyOthers) {
  // normalize_word remembers words per thread (bounded): the second time must equal the first,
  // also once the memory has filled and been emptied.
  std::string norm, folded;
  normalize_word("HoÀ", norm, folded);
  EXPECT_EQ(norm, "hoà");
  for (int i = 0; i < 40000; ++i) {  // more distinct words than the memory holds
    std::string letters;
    for (int n = i; n > 0 || letters.empty(); n /= 26) letters.push_back(static_cast<char>('a' + n % 26));
    normalize_word("Đ" + letters, norm, folded);
    ASSERT_EQ(norm, "đ" + letters);
    ASSERT_EQ(folded, "d" + letters);
  }
  for (int round = 0; round < 2; ++round) {
    normalize_word("HoÀ", norm, folded);
    EXPECT_EQ(norm, "hoà");
    EXPECT_EQ(folded, "hoa");
    normalize_word("Thủy", norm, folded);
    EXPECT_EQ(norm, "thuỷ");
  }
}

}  // namespace
}  // namespace vankho::text
