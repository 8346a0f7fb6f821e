#include "tone.h"

#include <gtest/gtest.h>

#include "normalize.h"

namespace vankho::text {
namespace {

// Tone placement seen through normalize(), which runs it on every syllable.
TEST(TonePlacement, NewStyleGoldenTable) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      // old style → new style
      {"hòa", "hoà"}, {"ủy", "uỷ"}, {"khóa", "khoá"}, {"thủy", "thuỷ"}, {"khỏe", "khoẻ"},
      {"hóa", "hoá"}, {"lũy", "luỹ"}, {"thúy", "thuý"},
      // already canonical, or not affected
      {"quý", "quý"}, {"già", "già"}, {"gì", "gì"}, {"toàn", "toàn"}, {"hoàng", "hoàng"},
      {"người", "người"}, {"khuỷu", "khuỷu"}, {"xoài", "xoài"}, {"của", "của"}, {"mùa", "mùa"},
      {"huỳnh", "huỳnh"}, {"giữ", "giữ"}, {"gìn", "gìn"}, {"chuyển", "chuyển"}, {"rượu", "rượu"},
      {"hoà", "hoà"}, {"uỷ", "uỷ"}, {"thuở", "thuở"}, {"khuya", "khuya"},
      // misplaced marks repaired
      {"tòan", "toàn"}, {"nứơc", "nước"}, {"vịêt", "việt"}, {"cuả", "của"}, {"qúy", "quý"},
      {"hoàng", "hoàng"}, {"ngừơi", "người"},
      // upper case: folded to lower, then placed
      {"HÒA", "hoà"}, {"ỦY", "uỷ"},
      // not Vietnamese syllables: left alone
      {"café", "café"}, {"résumé", "résumé"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(normalize(in), want) << in;
}

TEST(TonePlacement, SpanInterface) {
  std::vector<Letter> s = {{'h', VowelMark::kNone, Tone::kNone},
                           {'o', VowelMark::kNone, Tone::kGrave},
                           {'a', VowelMark::kNone, Tone::kNone}};
  place_tone(s);
  EXPECT_EQ(s[1].tone, Tone::kNone);
  EXPECT_EQ(s[2].tone, Tone::kGrave);
  std::vector<Letter> none = {{'m', VowelMark::kNone, Tone::kAcute}};
  place_tone(none);  // no vowel: unchanged
  EXPECT_EQ(none[0].tone, Tone::kAcute);
  place_tone(std::span<Letter>());  // empty: no crash
}

}  // namespace
}  // namespace vankho::text
