// A page's lines and paragraphs rebuilt from its words' boxes (poppler's text_list, in poppler's
// reading order: columns one after the other). Poppler's own page text is not used because it
// "dehyphenates": a line ending in '-' is joined to the next line's first word with the hyphen
// dropped, which in Vietnamese is always wrong (words are syllables and are never hyphenated; a
// hyphen at a line end belongs to a code `45-` / `CT/TW`, a range `2021-` / `2030`, a compound
// `kinh tế-` / `xã hội`). Here the hyphen stays, and lines that the layout wrapped are joined
// back into their paragraphs, where the geometry says so. Free of poppler types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vankho::formats::pdf {

// A word of the page as poppler's text_list gives it.
struct PdfWord {
  std::string text;  // UTF-8
  std::string font;  // as in the file, subset tag included ("ABCDEF+.VnTime"); "" when not asked
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // box in points, y down from the page top
  int rotation = 0;          // quarter turns of the text: 0 left to right, 1 top to bottom, ...
  bool space_after = false;  // poppler saw a space between it and the next word of its line
};

// What follows a word in the page's text.
enum class After : uint8_t {
  kNothing,    // the next word continues it (one word poppler cut in two: a font change)
  kSpace,      // the next word on the same line, or the next line of a wrapped paragraph
  kLine,       // a line break
  kParagraph,  // a blank line: a new paragraph (a gap clearly larger than the line spacing) or a
               // new block (a column, a piece of text beside the one before)
};

// One entry a word (the last word's is kParagraph); empty for no words.
[[nodiscard]] std::vector<After> lay_out(const std::vector<PdfWord>& words);

// The line begins a new item of a list or a structure, and so is never joined to the line before:
// "1.", "2.3.", "1)", "(1)", "a)", "II.", "I-", "-", "+", "•", "Điều 5", "Chương II", "Mục 1".
[[nodiscard]] bool starts_item(std::string_view line);

}  // namespace vankho::formats::pdf
