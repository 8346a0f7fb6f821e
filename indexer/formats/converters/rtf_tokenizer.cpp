#include "rtf_tokenizer.h"

#include <algorithm>
#include <limits>

namespace vankho::formats::rtf {
namespace {

constexpr size_t kMaxWord = 32;  // the spec's limit; longer words are cut (and still consumed)
constexpr int kMaxDigits = 10;

bool is_letter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }

int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

int Tokenizer::get() {
  const auto c = in_.sbumpc();
  if (c == std::streambuf::traits_type::eof()) return -1;
  ++consumed_;
  return static_cast<unsigned char>(std::streambuf::traits_type::to_char_type(c));
}

int Tokenizer::peek() {
  const auto c = in_.sgetc();
  if (c == std::streambuf::traits_type::eof()) return -1;
  return static_cast<unsigned char>(std::streambuf::traits_type::to_char_type(c));
}

void Tokenizer::skip_bytes(uint64_t n) {
  while (n > 0 && get() >= 0) --n;
}

Token Tokenizer::next() {
  Token t;
  while (true) {
    const int c = get();
    switch (c) {
      case -1:
        t.kind = TokenKind::kEnd;
        return t;
      case '{':
        t.kind = TokenKind::kGroupStart;
        return t;
      case '}':
        t.kind = TokenKind::kGroupEnd;
        return t;
      case '\r':
      case '\n':
        continue;  // line ends in RTF source are not text
      case '\\':
        read_control(t);
        return t;
      default:
        t.kind = TokenKind::kByte;
        t.byte = static_cast<uint8_t>(c);
        return t;
    }
  }
}

void Tokenizer::read_control(Token& t) {
  const int c = get();
  if (c < 0) {
    t.kind = TokenKind::kEnd;
    return;
  }
  if (c == '\'') {
    const int high = hex_value(peek());
    if (high >= 0) get();
    const int low = high >= 0 ? hex_value(peek()) : -1;
    if (low >= 0) get();
    if (high < 0 || low < 0) {  // a broken escape: dropped
      t.kind = TokenKind::kControlSymbol;
      t.symbol = '\'';
      return;
    }
    t.kind = TokenKind::kByte;
    t.byte = static_cast<uint8_t>(high * 16 + low);
    return;
  }
  if (c == '\r' || c == '\n') {  // \<line end> is \par
    word_ = "par";
    t.kind = TokenKind::kControlWord;
    t.word = word_;
    return;
  }
  if (!is_letter(c)) {
    t.kind = TokenKind::kControlSymbol;
    t.symbol = static_cast<char>(c);
    return;
  }
  word_.assign(1, static_cast<char>(c));
  while (is_letter(peek())) {
    const int letter = get();
    if (word_.size() < kMaxWord) word_.push_back(static_cast<char>(letter));
  }
  t.kind = TokenKind::kControlWord;
  t.word = word_;
  bool negative = false;
  if (peek() == '-') {
    get();
    negative = true;
    if (!is_digit(peek())) return;  // "\word-": a stray hyphen, taken as the delimiter
  }
  if (is_digit(peek())) {
    int64_t value = 0;
    int digits = 0;
    while (is_digit(peek())) {
      const int d = get() - '0';
      if (digits++ < kMaxDigits) value = value * 10 + d;
    }
    if (negative) value = -value;
    value = std::clamp<int64_t>(value, std::numeric_limits<int32_t>::min(),
                                std::numeric_limits<int32_t>::max());
    t.has_param = true;
    t.param = static_cast<int32_t>(value);
  }
  if (peek() == ' ') get();  // the delimiting space belongs to the control word
}

}  // namespace vankho::formats::rtf
