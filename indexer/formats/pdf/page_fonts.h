// The fonts of a PDF page and what their names say about the encoding of its text (whether the
// page needs each word's font, or one hint covers it all), and the page's words from poppler.
#pragma once

#include <poppler-document.h>
#include <poppler-page.h>

#include <optional>
#include <string>
#include <vector>

#include "legacy_encoding.h"
#include "page_text.h"

namespace vankho::formats::pdf {

struct PageFonts {
  bool any_legacy = false;       // some font has a legacy-encoding hint (.VnTime, VNI-Times)
  bool one_hint = true;          // every font gives the same hint, or none
  std::optional<FontHint> hint;  // that hint, when one_hint
};

// Names of the fonts in the page's resources ("ABCDEF+.VnTime"), from poppler's font scanner
// (a fresh scan per page: one scanner over many pages reports each font only on its first page).
[[nodiscard]] std::vector<std::string> page_font_names(const poppler::document& doc, int page);

[[nodiscard]] PageFonts classify_fonts(const std::vector<std::string>& font_names);

// The page's words in reading order with their boxes, and with the font of each (its first
// glyph's font) when `with_fonts` (poppler then copies the page's font list into every word:
// about a third more time, so it is asked only on pages that mix legacy and other fonts).
[[nodiscard]] std::vector<PdfWord> page_words(const poppler::page& page, bool with_fonts);

}  // namespace vankho::formats::pdf
