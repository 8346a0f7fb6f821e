#include "page_text.h"

#include <gtest/gtest.h>

#include <string>

namespace vankho::formats::ocr_internal {
namespace {

struct Case {
  const char* raw;
  const char* clean;
};

TEST(CleanPageText, GoldenTable) {
  const Case cases[] = {
      {"", ""},
      {"\n\n\f", ""},
      {"Nghị quyết\n\f", "Nghị quyết"},
      {"Nghị quyết  \nsố 13   \n\n\n", "Nghị quyết\nsố 13"},
      {"\n\nĐoạn một\n\n\n\nĐoạn hai\n\n\f", "Đoạn một\n\nĐoạn hai"},
      {"dòng một\r\ndòng hai", "dòng một\ndòng hai"},
      {"trang\fmột", "trang\nmột"},                          // no '\f' inside a page
      {"a\001b\177c\td", "abc\td"},                          // control characters
      {"Nghi\xcc\xa3 quye\xcc\x82\xcc\x81t", "Nghị quyết"},  // decomposed marks to NFC
      {"\xc3\x28 sai", "\xef\xbf\xbd( sai"},                 // invalid UTF-8 to U+FFFD
  };
  for (const Case& c : cases) EXPECT_EQ(clean_page_text(c.raw), c.clean) << "raw: " << c.raw;
}

TEST(CutUtf8, EndsOnALineOrACharacter) {
  EXPECT_EQ(cut_utf8("abc", 10), "abc");
  EXPECT_EQ(cut_utf8("dòng một\ndòng hai", 14), "dòng một");
  // "Đảng": Đ is 2 bytes, ả is 3; 4 bytes end inside ả.
  EXPECT_EQ(cut_utf8("Đảng", 4), "Đ");
  EXPECT_EQ(cut_utf8("Đảng", 5), "Đả");
  EXPECT_EQ(cut_utf8("Đảng", 0), "");
}

}  // namespace
}  // namespace vankho::formats::ocr_internal
