#include "tidy.h"

#include <gtest/gtest.h>

namespace vankho::ingest {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

TEST(TidyText, GoldenTable) {
  const Case cases[] = {
      {"", ""},
      {"   \n\t\n", ""},
      {"a", "a"},
      {"a  \nb\t\n", "a\nb"},
      {"\n\n\na\nb", "a\nb"},
      {"a\n\nb", "a\n\nb"},
      {"a\n\n\nb", "a\n\nb"},
      {"a\n \n\t\n\n\nb\n\n", "a\n\nb"},
      {"  thụt lề giữ nguyên", "  thụt lề giữ nguyên"},
      {"nbsp cuối\xC2\xA0\xC2\xA0\nx", "nbsp cuối\nx"},
      {"trang 1\f"
       "trang 2",
       "trang 1\ntrang 2"},
      {"nul\x01giữa", "nul giữa"},
      {"a\rb\r\nc\r\n\r\n\r\nd", "a\nb\nc\n\nd"},
  };
  for (const Case& c : cases) EXPECT_EQ(tidy_text(c.input), c.expected) << "input: " << c.input;
}

TEST(TidyLine, GoldenTable) {
  const Case cases[] = {
      {"  Điều 1.\n  Phạm vi \t điều chỉnh ", "Điều 1. Phạm vi điều chỉnh"},
      {"\xC2\xA0"
       "a\xC2\xA0\xC2\xA0"
       "b",
       "a b"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(tidy_line(c.input), c.expected) << "input: " << c.input;
}

TEST(IsBlank, Cases) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\r\n\xC2\xA0"));
  EXPECT_FALSE(is_blank(" x "));
}

}  // namespace
}  // namespace vankho::ingest
