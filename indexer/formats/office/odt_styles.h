// What the odt reader takes from the styles of content.xml (office:automatic-styles) and
// styles.xml (office:styles, the default paragraph style, font-face declarations): each
// paragraph or text style's font family and whether a paragraph style breaks the page before or
// after itself, following style:parent-style-name. Internal to vankho_office.
#pragma once

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace vankho::formats::office {

class OdtStyles {
 public:
  // The root of styles.xml (office:document-styles) and of content.xml
  // (office:document-content); either may be an empty node.
  void load(pugi::xml_node styles_root, pugi::xml_node content_root);

  struct Paragraph {
    std::string_view font;  // "" when nothing says
    bool break_before = false, break_after = false;
  };
  [[nodiscard]] Paragraph paragraph(std::string_view name) const;
  // The font a text style (text:span) sets, nullopt when it and its parents set none.
  [[nodiscard]] std::optional<std::string_view> text_font(std::string_view name) const;

 private:
  struct Style {
    std::string parent;
    std::optional<std::string> font;
    std::optional<bool> break_before, break_after;
    bool resolved = false;
  };
  using StyleMap = std::map<std::string, Style, std::less<>>;
  struct Family {
    StyleMap automatic, common;  // automatic styles have common parents only
  };
  void read_fonts(pugi::xml_node decls);
  void read_styles(pugi::xml_node container, bool automatic);
  [[nodiscard]] Style read_style(pugi::xml_node style) const;
  static void resolve(Family& family, Style& style, int depth);
  [[nodiscard]] static const Style* find(const Family& family, std::string_view name);

  std::map<std::string, std::string, std::less<>> font_faces_;  // style:name -> svg:font-family
  Family paragraph_, text_;
  std::string default_font_;
};

}  // namespace vankho::formats::office
