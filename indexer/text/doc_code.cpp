#include "doc_code.h"

#include "letters.h"
#include "utf8.h"

namespace vankho::text {
namespace {

// A small cursor over the text; every step checks bounds.
struct Cursor {
  std::string_view s;
  size_t pos;

  char32_t peek() const { return pos < s.size() ? next_code_point(s, pos).value : 0; }
  void advance() { pos += next_code_point(s, pos).length; }
  void skip_spaces() {
    while (pos < s.size() && (s[pos] == ' ' || char_info(peek()).kind == CharKind::kSpace) &&
           peek() != '\n') {
      advance();
    }
  }
  bool take(char c) {
    if (pos < s.size() && s[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
  bool take_dash() {
    if (pos < s.size() && char_info(peek()).kind == CharKind::kDash) {
      advance();
      return true;
    }
    return false;
  }
  std::string digits(size_t max) {
    std::string out;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && out.size() <= max) out += s[pos++];
    return out.size() > max ? std::string() : out;
  }
  // ASCII letters and đ/Đ/Ð, upper-cased; `max` letters at most.
  std::string letters(size_t max) {
    std::string out;
    size_t count = 0;
    while (pos < s.size()) {
      const char32_t c = peek();
      if (c >= 'a' && c <= 'z') {
        out += static_cast<char>(c - 32);
      } else if (c >= 'A' && c <= 'Z') {
        out += static_cast<char>(c);
      } else if (c == 0x0110 || c == 0x0111 || c == 0x00D0) {
        out += "Đ";
      } else {
        break;
      }
      advance();
      if (++count > max) return {};
    }
    return out;
  }
  bool at_word_char() const {
    const CharKind k = char_info(peek()).kind;
    return pos < s.size() && (k == CharKind::kLetter || k == CharKind::kDigit);
  }
};

std::string canonical_part(std::string_view upper) {
  if (upper == "CTR") return "CTr";
  if (upper == "TTG") return "TTg";
  return std::string(upper);
}

bool is_party_issuer(std::string_view issuer) {
  return issuer.ends_with("TW") || issuer.ends_with("U");
}

// A Party code's type is what match_code_at reads after its dash: up to five letters, no digit.
bool is_party_type(std::string_view type) {
  size_t letters = 0;
  for (size_t pos = 0; pos < type.size(); pos += next_code_point(type, pos).length, ++letters) {
    if (type[pos] >= '0' && type[pos] <= '9') return false;
  }
  return letters <= 5;
}

bool is_year(std::string_view y) {
  return y.size() == 4 && (y.starts_with("19") || y.starts_with("20"));
}

std::string strip_zeros(std::string_view n) {
  const size_t first = n.find_first_not_of('0');
  return first == std::string_view::npos ? "0" : std::string(n.substr(first));
}

// issuer: letters then up to two digits (QH14)
std::string issuer_at(Cursor& c) {
  std::string issuer = c.letters(10);
  if (issuer.empty()) return {};
  issuer += c.digits(2);
  return issuer;
}

}  // namespace

std::string code_part_key(std::string_view part) {
  std::string out;
  for (size_t pos = 0; pos < part.size();) {
    const CodePoint cp = next_code_point(part, pos);
    pos += cp.length;
    if (cp.value == 0x0110 || cp.value == 0x0111 || cp.value == 0x00D0) {
      out += 'D';
    } else if (cp.value >= 'a' && cp.value <= 'z') {
      out += static_cast<char>(cp.value - 32);
    } else if (cp.value < 0x80) {
      out += static_cast<char>(cp.value);
    }
  }
  return out;
}

DocCode make_code(CodeFamily family, std::string_view number, std::string_view year,
                  std::string_view type, std::string_view issuer) {
  DocCode code;
  code.family = family;
  code.number = std::string(number);
  code.year = std::string(year);
  code.type = canonical_part(type);
  code.issuer = canonical_part(issuer);
  const std::string n = strip_zeros(number);
  if (family == CodeFamily::kParty) {
    code.canonical = code.number + "-" + code.type + "/" + code.issuer;
    code.key = n + "-" + code_part_key(code.type) + "/" + code_part_key(code.issuer);
    return code;
  }
  std::string tail = code.type.empty() ? code.issuer : code.type + "-" + code.issuer;
  std::string tail_key = code.type.empty() ? code_part_key(code.issuer)
                                           : code_part_key(code.type) + "-" +
                                                 code_part_key(code.issuer);
  const std::string middle = code.year.empty() ? "/" : "/" + code.year + "/";
  code.canonical = code.number + middle + tail;
  code.key = n + middle + tail_key;
  return code;
}

std::optional<CodeMatch> match_code_at(std::string_view text, size_t pos) {
  Cursor c{text, pos};
  const std::string number = c.digits(5);
  if (number.empty()) return std::nullopt;
  const size_t after_number = c.pos;

  // Party: N - TYPE / ISSUER (spaces allowed around the dash and slash)
  c.skip_spaces();
  if (c.take_dash()) {
    c.skip_spaces();
    const std::string type = c.letters(5);
    c.skip_spaces();
    if (!type.empty() && c.take('/')) {
      c.skip_spaces();
      const std::string issuer = issuer_at(c);
      if (!issuer.empty() && !c.at_word_char()) {
        return CodeMatch{make_code(CodeFamily::kParty, number, "", type, issuer),
                         c.pos};
      }
    }
    return std::nullopt;
  }

  // State: N/YYYY/TYPE-ISSUER, N/YYYY/ISSUER, N/TYPE-ISSUER (no spaces)
  c.pos = after_number;
  if (!c.take('/')) return std::nullopt;
  std::string year;
  const size_t before_year = c.pos;
  year = c.digits(4);
  if (!year.empty()) {
    if (!is_year(year) || !c.take('/')) return std::nullopt;
  } else {
    c.pos = before_year;
  }
  const std::string first = issuer_at(c);
  if (first.empty()) return std::nullopt;
  if (c.take_dash()) {
    const std::string issuer = issuer_at(c);
    if (issuer.empty() || c.at_word_char()) return std::nullopt;
    // `13/NQ-TW` is how people mistype the Party code 13-NQ/TW; `7/H4-DU` is no Party code (its
    // canonical form must read back as the same code).
    const CodeFamily family = year.empty() && is_party_issuer(issuer) && is_party_type(first)
                                  ? CodeFamily::kParty
                                  : CodeFamily::kState;
    return CodeMatch{make_code(family, number, year, first, issuer),
                     c.pos};
  }
  if (year.empty() || c.at_word_char()) return std::nullopt;
  return CodeMatch{make_code(CodeFamily::kState, number, year, "", first), c.pos};
}

std::optional<DocCode> parse_code(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && text[begin] == ' ') ++begin;
  while (end > begin && text[end - 1] == ' ') --end;
  auto m = match_code_at(text.substr(0, end), begin);
  if (!m || m->end != end) return std::nullopt;
  return std::move(m->code);
}

}  // namespace vankho::text
