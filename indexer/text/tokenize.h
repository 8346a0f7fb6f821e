// Stage 4 of the analysis chain: syllable tokens with positions and byte offsets into the input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vankho::text {

// Longest token kept, in bytes of input; a longer run is cut there and its rest skipped.
inline constexpr size_t kMaxTokenBytes = 96;

struct Token {
  std::string norm;    // canonical accented form (codes: canonical code, e.g. "4218-QĐ/TU")
  std::string folded;  // marks removed, đ→d (codes: the code's matching key, e.g. "4218-QD/TU")
  uint32_t pos = 0;    // 0-based token position
  uint32_t start = 0;  // byte offsets into the tokenized text: [start, end)
  uint32_t end = 0;
  bool is_code = false;

  [[nodiscard]] std::string_view text(std::string_view input) const {
    return input.substr(start, end - start);
  }
};

// Appends the tokens of `text` (valid UTF-8, e.g. from decode()) to `out`; positions continue from
// `first_pos`. Numbers stay whole (`7,5%`, `1.850`); document codes are one token (doc_code.h).
void tokenize(std::string_view text, std::vector<Token>& out, uint32_t first_pos = 0);

}  // namespace vankho::text
