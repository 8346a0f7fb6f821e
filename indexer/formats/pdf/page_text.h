// One page's text from its words to the lines the ingest wants: laid out (page_layout.h), tidied
// (valid UTF-8, NFC, no control characters, trimmed lines, no runs of blank lines) and with text
// set in legacy Vietnamese fonts (TCVN3 `.VnTime`, VNI `VNI-Times`) repaired, each line by the
// fonts of its words. Free of poppler types so that it can be tested on synthetic pages.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "legacy_encoding.h"
#include "page_layout.h"

namespace vankho::formats::pdf {

[[nodiscard]] bool same_hint(const std::optional<FontHint>& a, const std::optional<FontHint>& b);

// Raw text (OCR output) to tidy lines joined by '\n', NFC, no repair.
[[nodiscard]] std::string tidy_text(std::string_view raw);

struct PageText {
  std::string text;                            // tidy, repaired, NFC
  std::map<Encoding, size_t> converted_lines;  // lines (partly) converted, by source encoding
};

// The page's text from its words (lay_out: lines, blank lines between paragraphs, wrapped lines
// joined), tidy like tidy_text, every line repaired run by run: repair_run(run, hint, forced), a
// run being the line's words of one font hint. A word's hint is its font's; when no word has a
// font name (they were not asked for) every word has `page_hint`, and a word without one among
// words with fonts has the hint that covers most characters of the page.
[[nodiscard]] PageText page_text(const std::vector<PdfWord>& words,
                                 std::optional<FontHint> page_hint,
                                 std::optional<Encoding> forced);

// Whether some word could be text in a legacy font shown through cp1252/Latin-1: it has a
// character that TCVN3 or VNI bytes show and Vietnamese in Unicode does not use (®, ñ, û, ¸, µ,
// a C0 control, a symbol-font code U+F020..U+F0FF), where Unicode Vietnamese has only ASCII,
// Vietnamese letters (the Latin-1 ones à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals included) and
// punctuation. A TCVN3 or VNI page always has such characters (đ is ® in one, ñ in the other); a
// page without any needs no font scan. (The one thing missed: a page of the upper-case font
// .VnTimeH with no accented letter at all stays in lower case.)
[[nodiscard]] bool may_be_legacy(const std::vector<PdfWord>& words);

// Symbol-font character codes poppler passes through as U+F020..U+F0FF, back to U+0020..U+00FF
// (what a legacy font's bytes read as Latin-1 look like, the form repair_run expects).
[[nodiscard]] std::string unmask_symbol_codes(std::string_view run);

}  // namespace vankho::formats::pdf
