#include "tokenize.h"

#include "doc_code.h"
#include "letters.h"
#include "normalize.h"
#include "utf8.h"

namespace vankho::text {
namespace {

bool continues_word(CharKind k) {
  return k == CharKind::kLetter || k == CharKind::kDigit || k == CharKind::kCombining ||
         k == CharKind::kIgnorable;
}

bool is_ascii_digit(std::string_view s, size_t pos) {
  return pos < s.size() && s[pos] >= '0' && s[pos] <= '9';
}

// End of the word starting at `pos`. Inside a number, '.' and ',' between digits and a final '%'
// belong to it (`1.850`, `7,5%`).
size_t word_end(std::string_view s, size_t pos) {
  const bool number = is_ascii_digit(s, pos);
  size_t end = pos;
  while (end < s.size()) {
    const char c = s[end];
    if (number && (c == '.' || c == ',') && is_ascii_digit(s, end + 1) && is_ascii_digit(s, end - 1)) {
      ++end;
      continue;
    }
    if (number && c == '%') {
      ++end;
      break;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alnum) break;
      ++end;
      continue;
    }
    const CodePoint cp = next_code_point(s, end);
    if (!continues_word(char_info(cp.value).kind)) break;
    end += cp.length;
  }
  return end;
}

// A code cannot start inside a date or a dotted number (`2/9/1945`, `1.13`).
bool continues_number(std::string_view s, size_t pos) {
  if (pos == 0) return false;
  const char prev = s[pos - 1];
  return prev == '/' || prev == '.' || prev == ',' || (prev >= '0' && prev <= '9');
}

// Cuts at the last code point boundary within kMaxTokenBytes.
size_t cut_point(std::string_view s, size_t start, size_t end) {
  if (end - start <= kMaxTokenBytes) return end;
  size_t cut = start;
  while (cut < end) {
    const size_t len = next_code_point(s, cut).length;
    if (cut + len - start > kMaxTokenBytes) break;
    cut += len;
  }
  return cut;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out, uint32_t first_pos) {
  uint32_t pos = first_pos;
  size_t i = 0;
  while (i < text.size()) {
    const CodePoint cp = next_code_point(text, i);
    const CharKind kind = char_info(cp.value).kind;
    if (!continues_word(kind) || kind == CharKind::kIgnorable || kind == CharKind::kCombining) {
      i += cp.length;
      continue;
    }
    if (kind == CharKind::kDigit && !continues_number(text, i)) {
      if (auto m = match_code_at(text, i)) {
        Token& t = out.emplace_back();
        t.norm = std::move(m->code.canonical);
        t.folded = std::move(m->code.key);
        t.pos = pos++;
        t.start = static_cast<uint32_t>(i);
        t.end = static_cast<uint32_t>(m->end);
        t.is_code = true;
        i = m->end;
        continue;
      }
    }
    const size_t end = word_end(text, i);
    const size_t cut = cut_point(text, i, end);
    Token& t = out.emplace_back();
    normalize_word(text.substr(i, cut - i), t.norm, t.folded);
    t.pos = pos++;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(cut);
    i = end;
  }
}

}  // namespace vankho::text
