#include "fold.h"

#include <gtest/gtest.h>

namespace vankho::text {
namespace {

TEST(Fold, GoldenTable) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"đảng uỷ", "dang uy"},
      {"ĐẢNG ỦY", "dang uy"},
      {"HĐND", "hdnd"},
      {"\xC3\x90" "à", "da"},  // Ð (U+00D0)
      {"đường dương", "duong duong"},
      {"nông thôn mới", "nong thon moi"},
      {"Việt Nam 2023!", "viet nam 2023!"},
      {"ươ ă â ê ô ơ ư", "uo a a e o o u"},
      {"e\xCC\x82\xCC\xA3", "e"},  // NFD marks dropped
      {"Ñandú", "nandu"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(fold(in), want) << in;
}

}  // namespace
}  // namespace vankho::text
