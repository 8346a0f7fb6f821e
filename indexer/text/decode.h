// Stage 1 of the analysis chain: arbitrary bytes to valid UTF-8 text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vankho::text {

struct DecodedText {
  std::string text;             // valid UTF-8, no BOM, line ends are "\n"
  size_t invalid_sequences = 0;  // each became one U+FFFD; the caller reports them
  bool had_bom = false;
};

// Never throws on any byte string (NUL bytes are kept; they are not text but not invalid UTF-8).
[[nodiscard]] DecodedText decode(std::string_view bytes);

}  // namespace vankho::text
