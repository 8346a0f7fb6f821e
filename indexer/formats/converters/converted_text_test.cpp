#include "converted_text.h"

#include <gtest/gtest.h>

namespace vankho::formats {
namespace {

TEST(CleanConvertedText, FormFeedsOnlyBetweenPages) {
  EXPECT_EQ(clean_converted_text("one\n\f\ntwo\n").text, "one\ftwo");
  EXPECT_EQ(clean_converted_text("\f\n\fone\f\f\n").text, "one");
  EXPECT_EQ(clean_converted_text("one\f\ftwo").text, "one\f\ftwo");  // an empty page between
  EXPECT_EQ(clean_converted_text("one.\f\ntwo").text, "one.\ftwo");  // catdoc's form
}

TEST(CleanConvertedText, LinesAndBlankLines) {
  EXPECT_EQ(clean_converted_text("\n\n|a   |b  |  \n\n\n\npara\r\nend\n\n").text,
            "|a   |b  |\n\npara\nend");
  EXPECT_EQ(clean_converted_text("  indented\n").text, "indented");
  EXPECT_EQ(clean_converted_text("\tB\n").text, "\tB");  // a row whose first cell is empty
  EXPECT_EQ(clean_converted_text("").text, "");
  EXPECT_EQ(clean_converted_text("\n \t\n").text, "");
}

TEST(CleanConvertedText, RepairsUtf8AndDropsControlCharacters) {
  const CleanText t = clean_converted_text("Ngh\xE1\xBB\x8B quy\xFF\xFEt\x01\x07\x7F x\tb");
  EXPECT_EQ(t.text, "Nghị quy\xEF\xBF\xBD\xEF\xBF\xBDt x\tb");
  EXPECT_EQ(t.invalid_sequences, 2u);
  EXPECT_EQ(clean_converted_text(std::string("a\0b", 3)).text, "ab");
}

TEST(CutAtLine, CutsBackToALineEnd) {
  EXPECT_EQ(cut_at_line("abc\ndef\nghi", 9), "abc\ndef\n");
  EXPECT_EQ(cut_at_line("abc\ndef\nghi", 8), "abc\ndef\n");
  EXPECT_EQ(cut_at_line("abc\ndef\nghi", 7), "abc\n");
  EXPECT_EQ(cut_at_line("abcdef", 4), "abcd");
  EXPECT_EQ(cut_at_line("short", 100), "short");
  EXPECT_EQ(cut_at_line("abc\ndef", 7), "abc\n");  // a converter killed at the cap, mid-line
  EXPECT_EQ(cut_at_line("\nabc", 0), "");
}

}  // namespace
}  // namespace vankho::formats
