#include "doc_text.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace vankho::extract::detail {
namespace {

// Next code point of s at i (advancing i); U+FFFD on a bad byte.
UChar32 next(std::string_view s, size_t& i) {
  UChar32 c = 0;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

// Code point ending just before byte `end`.
UChar32 previous(std::string_view s, size_t& end) {
  UChar32 c = 0;
  int32_t pos = static_cast<int32_t>(end);
  U8_PREV(s.data(), 0, pos, c);
  end = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

UChar32 cp_at(std::string_view s, size_t pos, size_t* length = nullptr) {
  if (pos >= s.size()) return 0;
  size_t i = pos;
  const UChar32 c = next(s, i);
  if (length) *length = i - pos;
  return c;
}

size_t skip_blanks(std::string_view s, size_t pos) {
  while (const size_t b = blank_at(s, pos)) pos += b;
  return pos;
}

bool blank(UChar32 c) { return c == '*' || u_isUWhiteSpace(c) || c == 0xFEFF; }

}  // namespace

Phrase::Phrase(std::string_view folded_words) {
  size_t start = 0;
  while (start < folded_words.size()) {
    size_t end = folded_words.find(' ', start);
    if (end == std::string_view::npos) end = folded_words.size();
    if (end > start) words_.emplace_back(folded_words.substr(start, end - start));
    start = end + 1;
  }
}

DocText::DocText(std::string_view text, const std::vector<text::Token>* tokens)
    : text_(text), tokens_(tokens) {
  if (tokens_ == nullptr) {
    own_tokens_.reserve(text.size() / 5 + 8);
    text::tokenize(text, own_tokens_);
    tokens_ = &own_tokens_;
  }
  size_t t = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view trimmed = trim(text.substr(start, end - start));
    Line line;
    line.start = static_cast<uint32_t>(trimmed.empty() ? start : trimmed.data() - text.data());
    line.end = static_cast<uint32_t>(line.start + trimmed.size());
    while (t < tokens_->size() && (*tokens_)[t].start < start) ++t;
    line.first_token = static_cast<uint32_t>(t);
    while (t < tokens_->size() && (*tokens_)[t].start < end) ++t;
    line.end_token = static_cast<uint32_t>(t);
    lines_.push_back(line);
    start = end + 1;
  }
}

size_t DocText::line_of(uint32_t offset) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                             [](uint32_t off, const Line& l) { return off < l.start; });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
}

std::string_view DocText::gap(size_t i) const {
  const size_t from = i == 0 ? 0 : token(i - 1).end;
  const size_t to = i < size() ? token(i).start : text_.size();
  return text_.substr(from, to - from);
}

bool DocText::plain_gap(size_t i) const { return blank_gap(gap(i)); }

std::string_view DocText::span(size_t first, size_t last) const {
  if (first >= last || last > size()) return {};
  return text_.substr(token(first).start, token(last - 1).end - token(first).start);
}

bool DocText::matches(size_t i, const Phrase& phrase) const {
  if (i + phrase.size() > size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (token(i + k).folded != phrase.words()[k]) return false;
    if (k > 0 && ends_clause(gap(i + k))) return false;
  }
  return true;
}

bool DocText::capitalized(size_t i) const {
  const std::string_view s = raw(i);
  size_t pos = 0;
  while (pos < s.size()) {
    const UChar32 c = next(s, pos);
    if (u_isalpha(c)) return u_isupper(c);
  }
  return false;
}

bool DocText::all_upper(size_t i) const {
  const std::string_view s = raw(i);
  return has_upper(s) && !has_lower(s);
}

bool DocText::is_number(size_t i) const {
  const std::string& n = token(i).norm;
  return !n.empty() && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

size_t upper_run_end(std::string_view s, size_t pos, int& upper_words) {
  upper_words = 0;
  size_t end = pos;
  size_t i = pos;
  while (i < s.size()) {
    const size_t word_start = i;
    bool upper = false;
    size_t prev = i, prev_prev = i;  // starts of the previous two code points
    while (i < s.size() && !blank_at(s, i)) {
      size_t len = 0;
      const UChar32 c = cp_at(s, i, &len);
      if (u_islower(c)) {
        size_t cut = i;
        if (prev < i && u_isupper(cp_at(s, prev)) &&
            (prev == word_start || !u_isupper(cp_at(s, prev_prev)))) {
          cut = prev;
        }
        if (cut > word_start) {
          ++upper_words;
          return cut;
        }
        return end;
      }
      upper = upper || u_isupper(c);
      prev_prev = prev;
      prev = i;
      i += len;
    }
    if (upper) ++upper_words;
    end = i;
    i = skip_blanks(s, i);
  }
  return end;
}

bool has_lower(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    if (u_islower(next(s, pos))) return true;
  }
  return false;
}

bool has_upper(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    if (u_isupper(next(s, pos))) return true;
  }
  return false;
}

std::string to_lower(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string lower_first(std::string_view s) {
  size_t pos = 0;
  if (s.empty()) return {};
  next(s, pos);
  return to_lower(s.substr(0, pos)) + std::string(s.substr(pos));
}

std::string_view trim(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t pos = begin;
    if (!blank(next(s, pos))) break;
    begin = pos;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t pos = end;
    if (!blank(previous(s, pos))) break;
    end = pos;
  }
  return s.substr(begin, end - begin);
}

int roman_value(std::string_view s) {
  if (s.empty() || s.size() > 7) return 0;
  static constexpr std::string_view kNumerals[] = {
      "i",    "ii",    "iii",    "iv",    "v",    "vi",    "vii",    "viii",    "ix",   "x",
      "xi",   "xii",   "xiii",   "xiv",   "xv",   "xvi",   "xvii",   "xviii",   "xix",  "xx",
      "xxi",  "xxii",  "xxiii",  "xxiv",  "xxv",  "xxvi",  "xxvii",  "xxviii",  "xxix", "xxx",
      "xxxi", "xxxii", "xxxiii", "xxxiv", "xxxv", "xxxvi", "xxxvii", "xxxviii", "xxxix"};
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  for (size_t i = 0; i < std::size(kNumerals); ++i) {
    if (kNumerals[i] == lower) return static_cast<int>(i) + 1;
  }
  return 0;
}

size_t blank_at(std::string_view s, size_t i) {
  if (i >= s.size() || s[i] == '\n' || s[i] == '\r') return 0;
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (static_cast<unsigned char>(s[i]) < 0x80) return 0;
  size_t len = 0;
  const UChar32 c = cp_at(s, i, &len);
  return u_isUWhiteSpace(c) ? len : 0;
}

bool blank_gap(std::string_view gap, int commas, bool fillers) {
  for (size_t i = 0; i < gap.size();) {
    if (const size_t b = blank_at(gap, i)) {
      i += b;
      continue;
    }
    const char c = gap[i++];
    if (c == ',' && commas-- > 0) continue;
    if (fillers && (c == '.' || c == '_')) continue;
    return false;
  }
  return true;
}

bool ends_clause(std::string_view gap) {
  return gap.find_first_of(".;:!?\n") != std::string_view::npos;
}

}  // namespace vankho::extract::detail
