// Page fonts and words from poppler (see page_fonts.h).
#include "page_fonts.h"

#include <poppler-font.h>

#include <memory>

#include "utf8.h"

namespace vankho::formats::pdf {
namespace {

std::vector<std::string> names_of(const std::vector<poppler::font_info>& fonts) {
  std::vector<std::string> names;
  names.reserve(fonts.size());
  for (const poppler::font_info& font : fonts) names.push_back(font.name());
  return names;
}

// poppler's UTF-16 to UTF-8 (ustring::to_utf8 opens an iconv converter a call: too slow a word);
// a lone surrogate becomes U+FFFD.
std::string utf8_of_utf16(const poppler::ustring& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t cp = s[i];
    if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp < 0xE000) {
      cp = text::kReplacementChar;
    }
    text::append_utf8(out, cp);
  }
  return out;
}

}  // namespace

std::vector<std::string> page_font_names(const poppler::document& doc, int page) {
  std::unique_ptr<poppler::font_iterator> fonts(doc.create_font_iterator(page));
  if (!fonts || !fonts->has_next()) return {};
  return names_of(fonts->next());
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

std::vector<PdfWord> page_words(const poppler::page& page, bool with_fonts) {
  std::vector<PdfWord> words;
  std::vector<poppler::text_box> boxes =
      page.text_list(with_fonts ? poppler::page::text_list_include_font : 0);
  words.reserve(boxes.size());
  for (const poppler::text_box& box : boxes) {
    const poppler::rectf r = box.bbox();
    PdfWord& word = words.emplace_back();
    word.text = utf8_of_utf16(box.text());
    if (with_fonts && box.has_font_info()) word.font = box.get_font_name();
    word.x_min = r.left();
    word.y_min = r.top();
    word.x_max = r.right();
    word.y_max = r.bottom();
    word.rotation = box.rotation();
    word.space_after = box.has_space_after();
  }
  return words;
}

}  // namespace vankho::formats::pdf
