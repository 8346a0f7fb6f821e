#include "utf8.h"

#include <gtest/gtest.h>

namespace vankho::text {
namespace {

TEST(ValidUtf8, AcceptsVietnameseRefusesMalformed) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("Nghị quyết số 13-NQ/TW 😀"));
  EXPECT_TRUE(valid_utf8("\xef\xbf\xbd"));  // U+FFFD written as such
  EXPECT_FALSE(valid_utf8("\x80"));
  EXPECT_FALSE(valid_utf8("\xe1\xba"));          // cut short
  EXPECT_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_FALSE(valid_utf8(std::string_view("a\0\xff", 3)));
}

TEST(CodePointStart, NeverCutsInsideACharacter) {
  const std::string s = "ủy";  // 3 bytes + 1
  EXPECT_EQ(code_point_start(s, 0), 0u);
  EXPECT_EQ(code_point_start(s, 1), 0u);
  EXPECT_EQ(code_point_start(s, 2), 0u);
  EXPECT_EQ(code_point_start(s, 3), 3u);
  EXPECT_EQ(code_point_start(s, s.size()), s.size());
}

}  // namespace
}  // namespace vankho::text
