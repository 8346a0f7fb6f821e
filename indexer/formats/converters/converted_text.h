// The last step of the .doc and .rtf readers: a converter's raw text made into ExtractedText's
// form (internal to vankho_converters).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vankho::formats {

struct CleanText {
  std::string text;
  size_t invalid_sequences = 0;  // bytes that were not UTF-8, each now U+FFFD
};

// Valid UTF-8 with "\n" line ends; control characters other than '\t', '\n' and '\f' dropped;
// no spaces at line starts nor blanks at line ends, no run of empty lines, no empty line at the
// start or end of a page;
// '\f' only between two pages (never first or last, no line end beside it).
[[nodiscard]] CleanText clean_converted_text(std::string_view raw);

// The first `max` bytes of `raw` cut back to their last line end (all `max` when they hold none):
// the usable part of an output stopped at a cap, whose last line may be cut.
[[nodiscard]] std::string_view cut_at_line(std::string_view raw, size_t max);

}  // namespace vankho::formats
