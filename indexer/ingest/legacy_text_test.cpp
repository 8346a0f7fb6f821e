#include "legacy_text.h"

#include <gtest/gtest.h>

namespace vankho::ingest {
namespace {

TEST(LegacyText, AUnicodeHeaderAboveALegacyBody) {
  // "Nghị quyết" in TCVN3 bytes as the .VnTime fonts have them, under a UTF-8 header.
  const LegacyText t = decode_text_file("ĐẢNG BỘ TỈNH\nNgh\xDE quy\xD5t \xAE\xB6ng \xF1y", std::nullopt);
  EXPECT_EQ(t.text, "ĐẢNG BỘ TỈNH\nNghị quyết đảng ủy");
  EXPECT_EQ(t.conversions, std::vector<std::string>{"TCVN3: 1 line"});
  EXPECT_EQ(t.invalid, 0u);
  EXPECT_EQ(t.unrecognised_lines, 0u);
}

TEST(LegacyText, LegacyTextShownThroughLatinLettersIsRepaired) {
  const LegacyText t = decode_text_file("Nghò quyeát Ñaûng uûy\nTỉnh ủy", std::nullopt);  // VNI as cp1252
  EXPECT_EQ(t.text, "Nghị quyết Đảng ủy\nTỉnh ủy");
  EXPECT_EQ(t.conversions, std::vector<std::string>{"VNI: 1 line"});
}

TEST(LegacyText, DamagedUtf8StaysUtf8AndUnicodeCanBeForced) {
  const LegacyText damaged = decode_text_file("Tỉnh ủy \xC3\x28", std::nullopt);
  EXPECT_EQ(damaged.text, "Tỉnh ủy \uFFFD(");
  EXPECT_EQ(damaged.invalid, 1u);
  EXPECT_TRUE(damaged.conversions.empty());
  const LegacyText kept = decode_text_file("Ngh\xDE quy\xD5t", formats::Encoding::kUnicode);
  EXPECT_TRUE(kept.conversions.empty());
  EXPECT_EQ(kept.invalid, 2u);
}

}  // namespace
}  // namespace vankho::ingest
