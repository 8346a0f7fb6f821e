#include "viet_text.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace vankho::gen {
namespace {

// The same letters in three rows, position by position: lower case, capitals, unaccented.
constexpr std::string_view kLower =
    "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
constexpr std::string_view kUpper =
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴ";
constexpr std::string_view kBase =
    "aaaaaaaaaaaaaaaaaadeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyy";

// Decodes one UTF-8 sequence at s[i] (valid input assumed; a stray byte is taken as it is).
char32_t next(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + n > s.size()) n = 1;
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return c;
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::vector<char32_t> decode(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) out.push_back(next(s, i));
  return out;
}

struct Tables {
  std::unordered_map<char32_t, char32_t> to_upper, to_lower;
  std::unordered_map<char32_t, char> to_base;
};

const Tables& tables() {
  static const Tables kTables = [] {
    Tables t;
    const auto lower = decode(kLower), up = decode(kUpper);
    for (size_t i = 0; i < lower.size(); ++i) {
      t.to_upper[lower[i]] = up[i];
      t.to_lower[up[i]] = lower[i];
      t.to_base[lower[i]] = kBase[i];
      t.to_base[up[i]] = kBase[i];
    }
    return t;
  }();
  return kTables;
}

char32_t upper_of(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  const auto& m = tables().to_upper;
  const auto it = m.find(c);
  return it == m.end() ? c : it->second;
}

char32_t lower_of(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  const auto& m = tables().to_lower;
  const auto it = m.find(c);
  return it == m.end() ? c : it->second;
}

// Replaces the first letter by f(letter).
template <class F>
void map_first(std::string& text, size_t from, F f) {
  for (size_t i = from; i < text.size();) {
    const size_t start = i;
    const char32_t c = next(text, i);
    const char32_t m = f(c);
    if (m == c && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c < 0x80) continue;
    std::string repl;
    append(repl, m);
    text.replace(start, i - start, repl);
    return;
  }
}

}  // namespace

std::string upper(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) append(out, upper_of(next(text, i)));
  return out;
}

void capitalize(std::string& text, size_t from) { map_first(text, from, upper_of); }

void lower_first(std::string& text) { map_first(text, 0, lower_of); }

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto& base = tables().to_base;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = lower_of(next(text, i));
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (const auto it = base.find(c); it != base.end()) {
      out.push_back(it->second);
    } else {
      append(out, c);
    }
  }
  return out;
}

}  // namespace vankho::gen
