#include "decode.h"

#include <gtest/gtest.h>

namespace vankho::text {
namespace {

struct DecodeCase {
  std::string name, input, expected;
  size_t invalid;
  bool bom;
};

TEST(Decode, GoldenTable) {
  const std::vector<DecodeCase> cases = {
      {"empty", "", "", 0, false},
      {"ascii", "abc", "abc", 0, false},
      {"vietnamese", "Tỉnh ủy", "Tỉnh ủy", 0, false},
      {"bom stripped", "\xEF\xBB\xBFxin", "xin", 0, true},
      {"crlf", "a\r\nb\rc\n", "a\nb\nc\n", 0, false},
      {"lone continuation", "a\x80z", "a\xEF\xBF\xBDz", 1, false},
      {"truncated 3-byte", "t\xE1\xBB", "t\xEF\xBF\xBD\xEF\xBF\xBD", 2, false},
      {"overlong", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2, false},
      {"surrogate", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, false},
      {"latin-1 bytes", "Th\xE1nh", "Th\xEF\xBF\xBDnh", 1, false},
      {"nul kept", std::string("a\0b", 3), std::string("a\0b", 3), 0, false},
      {"4-byte", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0, false},
  };
  for (const auto& c : cases) {
    const DecodedText d = decode(c.input);
    EXPECT_EQ(d.text, c.expected) << c.name;
    EXPECT_EQ(d.invalid_sequences, c.invalid) << c.name;
    EXPECT_EQ(d.had_bom, c.bom) << c.name;
  }
}

TEST(Decode, EveryByteStringGivesValidUtf8) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  const DecodedText once = decode(all + all);
  const DecodedText twice = decode(once.text);
  EXPECT_EQ(twice.invalid_sequences, 0u);  // output of decode is valid UTF-8
  EXPECT_EQ(twice.text, once.text);
  EXPECT_GT(once.invalid_sequences, 0u);
}

}  // namespace
}  // namespace vankho::text
