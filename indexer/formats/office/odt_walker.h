// Walks the office:text of an OpenDocument content.xml in reading order into a TextBuilder:
// text:p / text:h, spans and their fonts, spaces (text:s), tabs, line breaks, lists, tables, page
// breaks from paragraph styles (soft page breaks are layout and left out), text boxes after the
// paragraph that anchors them, notes (text:note-body) kept for after the body. Internal to
// vankho_office.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "odt_styles.h"
#include "text_builder.h"

namespace vankho::formats::office {

class OdtWalker {
 public:
  OdtWalker(const OdtStyles& styles, TextBuilder& out) : styles_(styles), out_(out) {}

  // Block-level content (office:text, a text box, a note body) and the text boxes it anchors.
  void blocks(pugi::xml_node parent);
  // The notes met so far, in order, as blocks (call after the body).
  void notes();

 private:
  void block(pugi::xml_node n, int depth);
  void paragraph(pugi::xml_node p, int depth);
  void inline_content(pugi::xml_node parent, std::string_view font, int depth);
  void find_text_boxes(pugi::xml_node n, int depth);
  void drain_text_boxes();
  [[nodiscard]] bool too_deep(int depth);

  const OdtStyles& styles_;
  TextBuilder& out_;
  std::vector<pugi::xml_node> text_boxes_, notes_;
  std::string chunk_;
  bool space_ = true;  // the last character out was white space: more of it collapses
  bool warned_depth_ = false;
};

}  // namespace vankho::formats::office
