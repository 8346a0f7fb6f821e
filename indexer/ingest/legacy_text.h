// Plain text (.txt, .md, .html, and what .doc/.rtf converters print) that may hold Vietnamese
// typed in a legacy encoding: 8-bit lines are decoded with the legacy encoding whose reading is
// Vietnamese (formats/legacy), UTF-8 lines that are legacy text shown through Latin letters (`NghÞ
// quyÕt`) are converted, and a UTF-8 line with damaged bytes stays UTF-8 (U+FFFD for the damage).
// What was converted is said, for the summary and --extract.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "legacy_encoding.h"

namespace vankho::ingest {

struct LegacyText {
  std::string text;                      // valid UTF-8
  size_t invalid = 0;                    // damaged UTF-8 sequences, replaced by U+FFFD
  size_t unrecognised_lines = 0;         // 8-bit lines no legacy encoding reads as Vietnamese:
                                         // read as Windows-1252
  std::vector<std::string> conversions;  // "TCVN3: 12 lines"
};

// `forced`: --encoding (every line read as that encoding; kUnicode: nothing converted).
[[nodiscard]] LegacyText decode_text_file(std::string_view bytes, std::optional<formats::Encoding> forced);

}  // namespace vankho::ingest
