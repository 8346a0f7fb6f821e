// UTF-8 stepping shared by the analysis stages. Input after decode() is valid UTF-8; these helpers
// still never read past the end or loop forever on bad bytes (they yield U+FFFD, length 1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vankho::text {

struct CodePoint {
  char32_t value;
  uint8_t length;  // bytes consumed, 1..4
};

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at `pos` (pos < s.size()).
inline CodePoint next_code_point(std::string_view s, size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return {b0, 1};
  const size_t left = s.size() - pos;
  auto cont = [&](size_t i) { return static_cast<unsigned char>(s[pos + i]) ^ 0x80; };
  if (b0 >= 0xC2 && b0 < 0xE0 && left >= 2 && cont(1) < 0x40) {
    return {static_cast<char32_t>(((b0 & 0x1F) << 6) | cont(1)), 2};
  }
  if (b0 >= 0xE0 && b0 < 0xF0 && left >= 3 && cont(1) < 0x40 && cont(2) < 0x40) {
    const char32_t cp = ((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
  }
  if (b0 >= 0xF0 && b0 < 0xF5 && left >= 4 && cont(1) < 0x40 && cont(2) < 0x40 && cont(3) < 0x40) {
    const char32_t cp = ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
  }
  return {kReplacementChar, 1};
}

// `pos`, moved back to the start of the code point it falls inside (a byte offset at most s.size()).
inline size_t code_point_start(std::string_view s, size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// True when `s` is well-formed UTF-8 (no overlongs, surrogates, values past U+10FFFF or cut
// sequences); a U+FFFD written as such is well-formed.
[[nodiscard]] inline bool valid_utf8(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const CodePoint cp = next_code_point(s, pos);
    if (cp.value == kReplacementChar && cp.length == 1) return false;
    pos += cp.length;
  }
  return true;
}

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace vankho::text
