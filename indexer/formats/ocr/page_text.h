// Internal to ocr/: turns Tesseract's raw UTF-8 output for one page into the page text the
// readers hand on (NFC, no form feeds, trailing spaces and extra blank lines dropped).
#pragma once

#include <string>
#include <string_view>

namespace vankho::formats::ocr_internal {

// Lines as recognised, each without trailing spaces; runs of blank lines become one blank line
// (Tesseract's paragraph break); no blank lines at either end; '\f' and other control characters
// but '\n' and '\t' removed; invalid UTF-8 becomes U+FFFD; NFC.
[[nodiscard]] std::string clean_page_text(std::string_view raw);

// The longest prefix of `text` of at most `max_bytes` bytes that ends on a line break or, when
// there is none, on a UTF-8 character boundary.
[[nodiscard]] std::string_view cut_utf8(std::string_view text, size_t max_bytes);

}  // namespace vankho::formats::ocr_internal
