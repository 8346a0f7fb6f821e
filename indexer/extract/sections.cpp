#include "sections.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>

namespace vankho::extract::detail {
namespace {

constexpr size_t kMaxHeadingBytes = 200;

UChar32 cp_at(std::string_view s, size_t pos, size_t* length = nullptr) {
  if (pos >= s.size()) return 0;
  UChar32 c = 0;
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  if (length) *length = static_cast<size_t>(i) - pos;
  return c < 0 ? 0xFFFD : c;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_roman_letter(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; }

size_t skip_blanks(std::string_view s, size_t pos) {
  while (const size_t b = blank_at(s, pos)) pos += b;
  return pos;
}

// A heading text must start with a capital letter (an opening quote may precede it).
bool capital_follows(std::string_view s, size_t pos) {
  size_t len = 0;
  UChar32 c = cp_at(s, pos, &len);
  if (c == '"' || c == 0x201C) c = cp_at(s, pos + len);
  return u_isupper(c);
}

// End of the first sentence from `pos`: a period before a blank, a capital or the end; a colon.
size_t sentence_end(std::string_view s, size_t pos) {
  for (size_t i = pos; i < s.size(); ++i) {
    if (s[i] == ':') return i;
    if (s[i] == '.' &&
        (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '*' || u_isupper(cp_at(s, i + 1)))) {
      return i;
    }
  }
  return s.size();
}

std::string_view trim_heading(std::string_view h) {
  while (!h.empty() && (h.back() == ' ' || h.back() == '\t' || h.back() == '.' || h.back() == ':' ||
                        h.back() == ';' || h.back() == ',' || h.back() == '*')) {
    h.remove_suffix(1);
  }
  return h;
}

// A roman heading marker `II- ` / `II. ` at `pos`; returns the bytes of marker and blanks, or 0.
size_t roman_marker(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && is_roman_letter(s[i])) ++i;
  if (i == pos || i >= s.size() || roman_value(s.substr(pos, i - pos)) == 0) return 0;
  if (s[i] != '-' && s[i] != '.') return 0;
  const size_t after = skip_blanks(s, i + 1);
  if (after == i + 1 && s[i] == '.') return 0;
  return capital_follows(s, after) ? after - pos : 0;
}

}  // namespace

std::optional<Marker> heading_marker(std::string_view line) {
  if (line.empty()) return std::nullopt;
  Marker m;
  size_t i = 0;
  if (line[0] == '#') {
    while (i < line.size() && line[i] == '#') ++i;
    if (i > 6 || i >= line.size() || line[i] != ' ') return std::nullopt;
    m.rank = static_cast<int>(i) - 1;
    m.length = skip_blanks(line, i);
    return m.length < line.size() ? std::optional(m) : std::nullopt;
  }
  if (const size_t len = roman_marker(line, 0)) {
    m.rank = 10;
    m.length = len;
    return m;
  }
  if (line.starts_with("- (")) m.skip = i = 2;
  if (line[i] == '(') {
    size_t k = i + 1;
    while (k < line.size() && is_digit(line[k]) && k - i <= 2) ++k;
    if (k == i + 1 || k >= line.size() || line[k] != ')') return std::nullopt;
    const size_t after = skip_blanks(line, k + 1);
    if (after == k + 1 || !capital_follows(line, after)) return std::nullopt;
    m.rank = 14;
    m.length = after - i;
    return m;
  }
  if (is_digit(line[0])) {
    // 1.  1-  1)  1.1.  1.1  1.1.1.
    int depth = 0;
    size_t k = 0;
    while (k < line.size() && is_digit(line[k])) {
      const size_t digits_start = k;
      while (k < line.size() && is_digit(line[k])) ++k;
      if (k - digits_start > 2) return std::nullopt;
      ++depth;
      if (k < line.size() && line[k] == '.' && k + 1 < line.size() && is_digit(line[k + 1])) ++k;
    }
    if (k >= line.size()) return std::nullopt;
    if (line[k] == '.' || line[k] == ')' || (line[k] == '-' && depth == 1)) {
      ++k;
    } else if (depth == 1) {
      return std::nullopt;  // `3 tháng`
    }
    const size_t after = skip_blanks(line, k);
    if (after == k || !capital_follows(line, after)) return std::nullopt;
    m.rank = 10 + std::min(depth, 3);
    m.length = after;
    return m;
  }
  if (line.size() > 3 && line[0] >= 'a' && line[0] <= 'z' && line[1] == ')' && line[2] == ' ') {
    m.rank = 15;
    m.length = skip_blanks(line, 2);
    return m;
  }
  return std::nullopt;
}

std::string_view heading_text(std::string_view line, const Marker& m) {
  const std::string_view s = line.substr(m.skip);
  const size_t body = m.length;
  int upper_words = 0;
  size_t end = upper_run_end(s, body, upper_words);
  if (upper_words == 0 || (upper_words == 1 && end - body < 6)) end = sentence_end(s, body);
  if (end > kMaxHeadingBytes) {
    size_t cut = s.rfind(' ', kMaxHeadingBytes);
    end = cut == std::string_view::npos || cut <= body ? kMaxHeadingBytes : cut;
    while (end > body && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  }
  return trim_heading(s.substr(0, end));
}

std::vector<Section> find_sections(const DocText& d) {
  std::vector<Section> out;
  std::vector<int> ranks;  // the open headings' ranks, outermost first
  const std::string_view text = d.text();
  auto add = [&](size_t start, std::string_view heading, int rank) {
    while (!ranks.empty() && ranks.back() >= rank) ranks.pop_back();
    ranks.push_back(rank);
    Section s;
    s.heading = std::string(heading);
    s.level = static_cast<int>(ranks.size());
    s.start = static_cast<uint32_t>(start);
    out.push_back(std::move(s));
  };
  for (const Line& line : d.lines()) {
    if (line.blank()) continue;
    const std::string_view s = d.line_text(line);
    size_t scan_from = 0;
    if (auto m = heading_marker(s)) {
      const std::string_view h = heading_text(s, *m);
      add(line.start + m->skip, h, m->rank);
      scan_from = m->skip + h.size();
    }
    // A roman heading glued to the previous sentence: `... năm 2022.II- NHỮNG CÔNG TÁC`.
    for (size_t q = scan_from; q + 1 < s.size(); ++q) {
      if ((s[q] != '.' && s[q] != '*') || !is_roman_letter(s[q + 1])) continue;
      const std::string_view rest = s.substr(q + 1);
      const size_t len = roman_marker(rest, 0);
      if (len == 0) continue;
      int upper_words = 0;
      const size_t end = upper_run_end(rest, len, upper_words);
      if (upper_words < 2) continue;
      add(line.start + q + 1, trim_heading(rest.substr(0, end)), 10);
      q += end;
    }
  }
  // A section ends where the next one at its level or above starts.
  std::vector<size_t> open;
  for (size_t j = 0; j < out.size(); ++j) {
    while (!open.empty() && out[open.back()].level >= out[j].level) {
      out[open.back()].end = out[j].start;
      open.pop_back();
    }
    open.push_back(j);
  }
  for (size_t j : open) out[j].end = static_cast<uint32_t>(text.size());
  return out;
}

}  // namespace vankho::extract::detail
