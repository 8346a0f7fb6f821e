// One page's text from poppler to the lines the ingest wants: tidied (valid UTF-8, NFC, no
// control characters, trimmed lines, no runs of blank lines) and with text set in legacy
// Vietnamese fonts (TCVN3 `.VnTime`, VNI `VNI-Times`) repaired, each line by the fonts of its
// words. Free of poppler types so that it can be tested on synthetic pages.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "legacy_encoding.h"

namespace vankho::formats::pdf {

// A word of the page with the font it is set in (poppler text_list, reading order).
struct PdfWord {
  std::string text;
  std::string font;  // as in the file, subset tag included: "ABCDEF+.VnTime"
};

// A stretch [begin, end) of a line whose words share one font hint (none: not a legacy font).
struct LineRun {
  size_t begin = 0, end = 0;
  std::optional<FontHint> hint;
};

[[nodiscard]] bool same_hint(const std::optional<FontHint>& a, const std::optional<FontHint>& b);

// Matches the lines of a page's reading-order text to the page's words, which carry the fonts.
// Lines are asked in page order; each word of the list is matched at most once, so a word that
// appears twice in two fonts gets each font in turn.
class LineFonts {
 public:
  // `fallback`: the hint of a line none of whose words is found; when `words` is not empty it is
  // replaced by the hint that covers most characters of the page.
  LineFonts(const std::vector<PdfWord>& words, std::optional<FontHint> fallback);

  // The line cut into runs of one hint, covering its words (the spaces between runs are left out).
  // A word not found (joined or split differently by poppler) takes the hint of the word before
  // it, or after it at the start of the line.
  [[nodiscard]] std::vector<LineRun> runs(std::string_view line);

  [[nodiscard]] const std::optional<FontHint>& fallback() const { return fallback_; }

 private:
  [[nodiscard]] std::optional<size_t> take(std::string_view word);
  [[nodiscard]] std::optional<size_t> take_joined(std::string_view token);

  std::vector<std::optional<FontHint>> hints_;                   // per word of the list
  std::unordered_map<std::string, std::vector<size_t>> unused_;  // word -> list indexes, reversed
  std::optional<FontHint> fallback_;
};

// Raw page text (poppler output as UTF-8) to tidy lines joined by '\n', NFC, no repair.
[[nodiscard]] std::string tidy_text(std::string_view raw);

struct PageText {
  std::string text;                            // tidy, repaired, NFC
  std::map<Encoding, size_t> converted_lines;  // lines (partly) converted, by source encoding
};

// tidy_text, then every line repaired run by run: repair_run(run, hint of its font, forced).
// Words are the page's words with fonts (may be empty: then every line gets `page_hint`).
[[nodiscard]] PageText repair_page_text(std::string_view raw, const std::vector<PdfWord>& words,
                                        std::optional<FontHint> page_hint,
                                        std::optional<Encoding> forced);

// Symbol-font character codes poppler passes through as U+F020..U+F0FF, back to U+0020..U+00FF
// (what a legacy font's bytes read as Latin-1 look like, the form repair_run expects).
[[nodiscard]] std::string unmask_symbol_codes(std::string_view run);

}  // namespace vankho::formats::pdf
