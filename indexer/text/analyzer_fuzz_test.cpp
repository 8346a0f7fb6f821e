// Randomized robustness test of the whole chain over arbitrary bytes: never a crash, every token's
// offsets inside the input, increasing, and never empty.
#include <gtest/gtest.h>

#include <random>

#include "analyzer.h"

namespace vankho::text {
namespace {

std::string random_bytes(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "ủy", "hòa", "Ð", "đ", "13-NQ/TW", "07/2021/NĐ-CP", "02/4/2022", "7,5%", "\xE2\x80\x8B",
      "\xC2\xAD", "\xCC\x80", "\xCC\x82", "-", "/", " ", "\n", "\r\n", "\x80", "\xFF", "\xE1\xBB",
      "1.", ",", "%", "qu", "gi", "\0"};
  std::string s;
  const int n = std::uniform_int_distribution<int>(0, 60)(rng);
  for (int i = 0; i < n; ++i) {
    if (rng() % 3 == 0) {
      s.push_back(static_cast<char>(rng() & 0xFF));
    } else {
      s += pieces[rng() % pieces.size()];
    }
  }
  return s;
}

TEST(AnalyzerFuzz, ArbitraryBytesKeepOffsetsSane) {
  std::mt19937 rng(20261122);
  for (int iter = 0; iter < 20000; ++iter) {
    const std::string raw = random_bytes(rng);
    const DecodedText d = decode(raw);
    const auto tokens = analyze(d.text);
    uint32_t last_end = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      ASSERT_LT(t.start, t.end) << "iteration " << iter;
      ASSERT_LE(t.end, d.text.size()) << "iteration " << iter;
      ASSERT_GE(t.start, last_end) << "iteration " << iter;
      ASSERT_EQ(t.pos, i);
      ASSERT_FALSE(t.norm.empty());
      last_end = t.end;
    }
    (void)normalize(d.text);
    (void)fold(d.text);
    // The raw bytes straight into the tokenizer (not decoded) must not crash either.
    (void)analyze(raw);
  }
}

}  // namespace
}  // namespace vankho::text
