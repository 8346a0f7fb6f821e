// What the docx reader takes from word/styles.xml: each style's font (w:rFonts, following
// w:basedOn), whether a paragraph style breaks the page before or numbers its paragraphs, the
// default paragraph style and the document default font (docDefaults/rPrDefault). Internal to
// vankho_office.
#pragma once

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "word_names.h"

namespace vankho::formats::office {

// The font an <w:rFonts> sets for Latin text (w:ascii, or w:hAnsi when only that one is a legacy
// font); "" for a theme font; nullopt when it sets none of these.
[[nodiscard]] std::optional<std::string_view> rfonts_font(const WordNames& w,
                                                          pugi::xml_node rfonts);

class DocxStyles {
 public:
  DocxStyles() = default;
  // Reads a parsed styles.xml (a document without one keeps the empty defaults).
  void load(pugi::xml_node styles_root);

  // The font of text in a paragraph of style `id` ("" id: the default paragraph style), down to
  // the document default; "" when nothing says.
  [[nodiscard]] std::string_view paragraph_font(std::string_view id) const;
  // The font a character style sets, nullopt when it (and its bases) set none.
  [[nodiscard]] std::optional<std::string_view> character_font(std::string_view id) const;
  [[nodiscard]] bool page_break_before(std::string_view paragraph_id) const;
  [[nodiscard]] bool numbered(std::string_view paragraph_id) const;

 private:
  struct Style {
    std::string based_on;
    std::optional<std::string> font;
    std::optional<bool> page_break_before, numbered;
    bool resolved = false;
  };
  using StyleMap = std::map<std::string, Style, std::less<>>;
  const Style* find(std::string_view id, std::string_view fallback) const;
  static void resolve(StyleMap& map, Style& style, int depth);

  StyleMap paragraph_, character_;
  std::string default_paragraph_;
  std::string default_font_;
};

}  // namespace vankho::formats::office
