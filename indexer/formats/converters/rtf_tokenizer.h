// The lexical layer of RTF: groups, control words with their parameter, control symbols, \'hh
// bytes and literal text bytes, read from a stream in one pass (internal to read_rtf).
#pragma once

#include <cstdint>
#include <streambuf>
#include <string>
#include <string_view>

namespace vankho::formats::rtf {

enum class TokenKind : uint8_t {
  kGroupStart,     // {
  kGroupEnd,       // }
  kControlWord,    // \word or \wordN (word, has_param, param)
  kControlSymbol,  // \ followed by one non-letter (symbol); \<newline> is the word "par"
  kByte,           // \'hh or a literal byte of text (byte)
  kEnd,            // end of input
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string_view word;  // valid until the next call of next()
  bool has_param = false;
  int32_t param = 0;
  char symbol = 0;
  uint8_t byte = 0;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::streambuf& in) : in_(in) {}

  [[nodiscard]] Token next();
  // Skips `n` raw bytes (the data of \binN).
  void skip_bytes(uint64_t n);
  // Bytes read so far.
  [[nodiscard]] uint64_t consumed() const { return consumed_; }

 private:
  int get();   // the next byte, or -1
  int peek();  // the next byte without taking it, or -1
  void read_control(Token& t);

  std::streambuf& in_;
  uint64_t consumed_ = 0;
  std::string word_;
};

}  // namespace vankho::formats::rtf
