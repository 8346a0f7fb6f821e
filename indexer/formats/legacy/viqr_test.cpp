#include "viqr.h"

#include <gtest/gtest.h>

#include <string>

#include "legacy_encoding.h"

namespace vankho::formats {
namespace {

TEST(Viqr, Decoder) {
  EXPECT_EQ(legacy::decode_viqr("Vie^.t Nam"), "Việt Nam");
  EXPECT_EQ(legacy::decode_viqr("DDa?ng u?y, ddu+o+.c"), "Đảng ủy, được");
  EXPECT_EQ(legacy::decode_viqr("4218-QDD/TU, HDDND"), "4218-QĐ/TU, HĐND");
  EXPECT_EQ(legacy::decode_viqr("30 tuo^?i."), "30 tuổi.");         // one tone a syllable
  EXPECT_EQ(legacy::decode_viqr("Ta.i sao? Anh"), "Tại sao? Anh");  // "saỏ" is no syllable
  EXPECT_EQ(legacy::decode_viqr("nghi~a vu.."), "nghĩa vụ.");
  EXPECT_EQ(legacy::decode_viqr("ly' do. Trong"), "lý do. Trong");  // a period before a capital
  EXPECT_EQ(legacy::decode_viqr("Nghi. quye^'t"), "Nghị quyết");
  EXPECT_EQ(legacy::decode_viqr("NGHI. QUYE^'T"), "NGHỊ QUYẾT");
  EXPECT_EQ(legacy::decode_viqr("ddo. DDa?ng"), "đo. Đảng");
  EXPECT_EQ(legacy::decode_viqr("ca'c ba\\.n"), "các ba.n");  // RFC 1456 escape
}

TEST(Viqr, OnlyMarkedRunsAreCandidates) {
  EXPECT_TRUE(legacy::looks_like_viqr("Nghi. quye^'t ve^` co^ng ta'c"));
  EXPECT_FALSE(legacy::looks_like_viqr("VI.A: Tong quan"));  // one marked word
  EXPECT_FALSE(legacy::looks_like_viqr("The idea is simple. Are you there?"));
  // English contractions pass the pre-filter; the syllable score then keeps the text.
  const std::string english = "Who's there? I'm sure it's done, e.g. today, and we're off";
  EXPECT_TRUE(legacy::looks_like_viqr(english));
  EXPECT_EQ(repair_run(english).text, english);
  EXPECT_FALSE(legacy::looks_like_viqr("Nghi quyet so 13 ve cong tac can bo"));
  EXPECT_EQ(repair_run("VI.A: Tong quan").encoding, Encoding::kUnicode);
}

}  // namespace
}  // namespace vankho::formats
