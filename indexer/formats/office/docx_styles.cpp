#include "docx_styles.h"

#include "legacy_encoding.h"

namespace vankho::formats::office {

std::optional<std::string_view> rfonts_font(const WordNames& w, pugi::xml_node rfonts) {
  if (!rfonts) return std::nullopt;
  const std::string_view ascii = w.attr(rfonts, "ascii"), h_ansi = w.attr(rfonts, "hAnsi");
  // Letters past ASCII (where TCVN3 and VNI put the Vietnamese ones) are drawn in the hAnsi font.
  if (!h_ansi.empty() && h_ansi != ascii && font_hint(h_ansi) && !font_hint(ascii)) return h_ansi;
  if (!ascii.empty()) return ascii;
  if (!h_ansi.empty()) return h_ansi;
  if (!w.attr(rfonts, "asciiTheme").empty() || !w.attr(rfonts, "hAnsiTheme").empty()) {
    return std::string_view();
  }
  return std::nullopt;
}

void DocxStyles::load(pugi::xml_node root) {
  if (!root) return;
  const WordNames w(root);
  const pugi::xml_node defaults = w.child(root, "docDefaults");
  const pugi::xml_node rpr = w.child(w.child(defaults, "rPrDefault"), "rPr");
  if (auto font = rfonts_font(w, w.child(rpr, "rFonts"))) default_font_ = *font;
  for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
    if (!w.is(s, "style")) continue;
    const std::string_view type = w.attr(s, "type");
    auto* map = type == "paragraph" ? &paragraph_ : type == "character" ? &character_ : nullptr;
    const std::string_view id = w.attr(s, "styleId");
    if (map == nullptr || id.empty()) continue;
    Style style;
    style.based_on = w.attr(w.child(s, "basedOn"), "val");
    if (auto font = rfonts_font(w, w.child(w.child(s, "rPr"), "rFonts"))) style.font = *font;
    if (const pugi::xml_node ppr = w.child(s, "pPr")) {
      if (const pugi::xml_node brk = w.child(ppr, "pageBreakBefore")) {
        style.page_break_before = w.on(brk);
      }
      if (const pugi::xml_node num = w.child(ppr, "numPr")) {
        style.numbered = w.attr(w.child(num, "numId"), "val") != "0";
      }
    }
    if (type == "paragraph") {
      const std::string_view is_default = w.attr(s, "default");
      if (is_default == "1" || is_default == "true" || is_default == "on") default_paragraph_ = id;
    }
    map->insert_or_assign(std::string(id), std::move(style));
  }
  for (auto* map : {&paragraph_, &character_}) {
    for (auto& [id, style] : *map) resolve(*map, style, 0);
  }
}

void DocxStyles::resolve(StyleMap& map, Style& style, int depth) {
  if (style.resolved) return;
  style.resolved = true;  // set first: a basedOn cycle ends here
  if (style.based_on.empty() || depth > 32) return;
  auto it = map.find(style.based_on);  // a style is based on one of its own type
  if (it == map.end()) return;
  Style& base = it->second;
  resolve(map, base, depth + 1);
  if (!style.font) style.font = base.font;
  if (!style.page_break_before) style.page_break_before = base.page_break_before;
  if (!style.numbered) style.numbered = base.numbered;
}

const DocxStyles::Style* DocxStyles::find(std::string_view id, std::string_view fallback) const {
  auto it = paragraph_.find(id.empty() ? fallback : id);
  if (it == paragraph_.end() && !id.empty()) it = paragraph_.find(fallback);
  return it == paragraph_.end() ? nullptr : &it->second;
}

std::string_view DocxStyles::paragraph_font(std::string_view id) const {
  const Style* style = find(id, default_paragraph_);
  return style && style->font ? std::string_view(*style->font) : std::string_view(default_font_);
}

std::optional<std::string_view> DocxStyles::character_font(std::string_view id) const {
  auto it = character_.find(id);
  if (it == character_.end() || !it->second.font) return std::nullopt;
  return std::string_view(*it->second.font);
}

bool DocxStyles::page_break_before(std::string_view id) const {
  const Style* style = find(id, default_paragraph_);
  return style && style->page_break_before.value_or(false);
}

bool DocxStyles::numbered(std::string_view id) const {
  const Style* style = find(id, default_paragraph_);
  return style && style->numbered.value_or(false);
}

}  // namespace vankho::formats::office
