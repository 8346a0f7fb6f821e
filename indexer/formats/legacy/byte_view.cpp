// Written by hand rather than with iconv("CP1252"): classify_run runs on every run of every
// document and must reject genuine Unicode at its first non-Latin-1 letter without opening a
// converter or allocating; and the reverse mapping must also take Latin-1's C1 controls (cp1252's
// holes 0x81 0x8D 0x8F 0x90 0x9D, which iconv refuses). The table is cp1252's 0x80..0x9F.
#include "byte_view.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "utf8.h"

namespace vankho::formats::legacy {
namespace {

constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80..87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88..8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90..97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98..9F
};

constexpr uint64_t kHighBits = 0x8080808080808080ull;

}  // namespace

int byte_of(char32_t cp) {
  if (cp < 0x100) return static_cast<int>(cp);
  // kCp1252High inverted, as a switch: the rejection of ư and ơ passes here.
  // clang-format off
  switch (cp) {
    case 0x20AC: return 0x80;
    case 0x201A: return 0x82;
    case 0x0192: return 0x83;
    case 0x201E: return 0x84;
    case 0x2026: return 0x85;
    case 0x2020: return 0x86;
    case 0x2021: return 0x87;
    case 0x02C6: return 0x88;
    case 0x2030: return 0x89;
    case 0x0160: return 0x8A;
    case 0x2039: return 0x8B;
    case 0x0152: return 0x8C;
    case 0x017D: return 0x8E;
    case 0x2018: return 0x91;
    case 0x2019: return 0x92;
    case 0x201C: return 0x93;
    case 0x201D: return 0x94;
    case 0x2022: return 0x95;
    case 0x2013: return 0x96;
    case 0x2014: return 0x97;
    case 0x02DC: return 0x98;
    case 0x2122: return 0x99;
    case 0x0161: return 0x9A;
    case 0x203A: return 0x9B;
    case 0x0153: return 0x9C;
    case 0x017E: return 0x9E;
    case 0x0178: return 0x9F;
    default: return -1;
  }
  // clang-format on
}

RunShape classify_run(std::string_view run) {
  const char* p = run.data();
  const char* const end = p + run.size();
  bool non_ascii = false;
  while (p < end) {
    while (end - p >= 8) {  // ASCII, eight bytes at a time
      uint64_t word;
      std::memcpy(&word, p, sizeof word);
      if ((word & kHighBits) != 0) break;
      p += 8;
    }
    while (p < end && static_cast<unsigned char>(*p) < 0x80) ++p;
    if (p == end) break;
    non_ascii = true;
    const auto b0 = static_cast<unsigned char>(*p);
    if ((b0 == 0xC2 || b0 == 0xC3) && end - p >= 2 &&
        (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80) {
      p += 2;  // U+0080..U+00FF
      continue;
    }
    const text::CodePoint cp = text::next_code_point(run, static_cast<size_t>(p - run.data()));
    if (cp.value == text::kReplacementChar || byte_of(cp.value) < 0) return RunShape::kUnicode;
    p += cp.length;
  }
  return non_ascii ? RunShape::kBytes : RunShape::kAscii;
}

std::string to_bytes(std::string_view run) {
  std::string bytes;
  bytes.reserve(run.size());
  for (size_t pos = 0; pos < run.size();) {
    const text::CodePoint cp = text::next_code_point(run, pos);
    pos += cp.length;
    const int b = byte_of(cp.value);
    if (b >= 0) bytes.push_back(static_cast<char>(b));
  }
  return bytes;
}

std::string cp1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else if (b < 0xA0) {
      text::append_utf8(out, kCp1252High[b - 0x80]);
    } else {
      text::append_utf8(out, b);
    }
  }
  return out;
}

}  // namespace vankho::formats::legacy
