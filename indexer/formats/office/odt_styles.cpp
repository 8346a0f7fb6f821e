#include "odt_styles.h"

namespace vankho::formats::office {
namespace {

// svg:font-family may quote a name with spaces: "'VNI-Times'".
std::string unquote(std::string_view family) {
  if (family.size() >= 2 && (family.front() == '\'' || family.front() == '"') &&
      family.back() == family.front()) {
    family = family.substr(1, family.size() - 2);
  }
  return std::string(family);
}

bool is_page(std::string_view value) {
  return value == "page" || value == "even-page" || value == "odd-page";
}

}  // namespace

void OdtStyles::load(pugi::xml_node styles_root, pugi::xml_node content_root) {
  read_fonts(styles_root.child("office:font-face-decls"));
  read_fonts(content_root.child("office:font-face-decls"));
  const pugi::xml_node common = styles_root.child("office:styles");
  for (pugi::xml_node d = common.child("style:default-style"); d;
       d = d.next_sibling("style:default-style")) {
    if (std::string_view(d.attribute("style:family").value()) != "paragraph") continue;
    if (auto font = read_style(d).font) default_font_ = *font;
  }
  read_styles(common, false);
  read_styles(content_root.child("office:automatic-styles"), true);
  for (Family* family : {&paragraph_, &text_}) {
    for (StyleMap* map : {&family->common, &family->automatic}) {
      for (auto& [name, style] : *map) resolve(*family, style, 0);
    }
  }
}

void OdtStyles::read_fonts(pugi::xml_node decls) {
  for (pugi::xml_node f = decls.child("style:font-face"); f;
       f = f.next_sibling("style:font-face")) {
    const std::string_view family = f.attribute("svg:font-family").value();
    const std::string name = f.attribute("style:name").value();
    font_faces_.insert_or_assign(name, family.empty() ? name : unquote(family));
  }
}

OdtStyles::Style OdtStyles::read_style(pugi::xml_node s) const {
  Style style;
  style.parent = s.attribute("style:parent-style-name").value();
  const pugi::xml_node text = s.child("style:text-properties");
  if (const pugi::xml_attribute name = text.attribute("style:font-name")) {
    auto it = font_faces_.find(std::string_view(name.value()));
    style.font = it != font_faces_.end() ? it->second : std::string(name.value());
  } else if (const pugi::xml_attribute family = text.attribute("fo:font-family")) {
    style.font = unquote(family.value());
  }
  const pugi::xml_node para = s.child("style:paragraph-properties");
  if (const pugi::xml_attribute before = para.attribute("fo:break-before")) {
    style.break_before = is_page(before.value());
  }
  if (const pugi::xml_attribute after = para.attribute("fo:break-after")) {
    style.break_after = is_page(after.value());
  }
  // A paragraph that switches to a page style (a master page) starts a new page.
  if (!std::string_view(s.attribute("style:master-page-name").value()).empty()) {
    style.break_before = true;
  }
  return style;
}

void OdtStyles::read_styles(pugi::xml_node container, bool automatic) {
  for (pugi::xml_node s = container.child("style:style"); s; s = s.next_sibling("style:style")) {
    const std::string_view family = s.attribute("style:family").value();
    Family* target = family == "paragraph" ? &paragraph_ : family == "text" ? &text_ : nullptr;
    const std::string name = s.attribute("style:name").value();
    if (target == nullptr || name.empty()) continue;
    (automatic ? target->automatic : target->common).insert_or_assign(name, read_style(s));
  }
}

void OdtStyles::resolve(Family& family, Style& style, int depth) {
  if (style.resolved) return;
  style.resolved = true;  // first: a parent cycle ends here
  if (style.parent.empty() || depth > 32) return;
  auto it = family.common.find(style.parent);
  if (it == family.common.end()) return;
  Style& parent = it->second;
  resolve(family, parent, depth + 1);
  if (!style.font) style.font = parent.font;
  // Page breaks are paragraph properties and inherit like the others.
  if (!style.break_before) style.break_before = parent.break_before;
  if (!style.break_after) style.break_after = parent.break_after;
}

const OdtStyles::Style* OdtStyles::find(const Family& family, std::string_view name) {
  if (auto it = family.automatic.find(name); it != family.automatic.end()) return &it->second;
  if (auto it = family.common.find(name); it != family.common.end()) return &it->second;
  return nullptr;
}

OdtStyles::Paragraph OdtStyles::paragraph(std::string_view name) const {
  Paragraph result{default_font_};
  if (const Style* style = find(paragraph_, name)) {
    if (style->font) result.font = *style->font;
    result.break_before = style->break_before.value_or(false);
    result.break_after = style->break_after.value_or(false);
  }
  return result;
}

std::optional<std::string_view> OdtStyles::text_font(std::string_view name) const {
  const Style* style = find(text_, name);
  if (style == nullptr || !style->font) return std::nullopt;
  return std::string_view(*style->font);
}

}  // namespace vankho::formats::office
