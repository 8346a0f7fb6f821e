// Page fonts and words with fonts from poppler (see page_fonts.h).
#include "page_fonts.h"

#include <poppler-font.h>

#include <memory>

#include "poppler_session.h"

namespace vankho::formats::pdf {

std::vector<std::string> page_font_names(const poppler::document& doc, int page) {
  std::vector<std::string> names;
  std::unique_ptr<poppler::font_iterator> fonts(doc.create_font_iterator(page));
  if (!fonts || !fonts->has_next()) return names;
  for (const poppler::font_info& font : fonts->next()) names.push_back(font.name());
  return names;
}

PageFonts classify_fonts(const std::vector<std::string>& font_names) {
  PageFonts out;
  for (size_t i = 0; i < font_names.size(); ++i) {
    const std::optional<FontHint> hint = font_hint(font_names[i]);
    if (hint && hint->encoding != Encoding::kUnicode) out.any_legacy = true;
    if (i == 0) {
      out.hint = hint;
    } else if (!same_hint(out.hint, hint)) {
      out.one_hint = false;
    }
  }
  if (!out.one_hint) out.hint.reset();
  return out;
}

std::vector<PdfWord> words_with_fonts(const poppler::page& page) {
  std::vector<PdfWord> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    words.push_back({utf8_of(box.text()), box.has_font_info() ? box.get_font_name() : ""});
  }
  return words;
}

}  // namespace vankho::formats::pdf
