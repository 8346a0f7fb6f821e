// Walks the WordprocessingML of a docx part (document body, footnotes, endnotes) in reading order
// into a TextBuilder: paragraphs, runs and their fonts, tables, lists, page breaks, text boxes
// (once, after the paragraph that anchors them); deleted text and field codes are left out.
// Internal to vankho_office.
#pragma once

#include <pugixml.hpp>
#include <string_view>
#include <vector>

#include "docx_styles.h"
#include "text_builder.h"
#include "word_names.h"

namespace vankho::formats::office {

class DocxWalker {
 public:
  DocxWalker(const WordNames& names, const DocxStyles& styles, TextBuilder& out)
      : w_(names), styles_(styles), out_(out) {}

  // Block-level content (w:body, a w:footnote): paragraphs, tables, and the text boxes they hold.
  void blocks(pugi::xml_node parent);
  // The notes of a footnotes.xml / endnotes.xml root, separator notes left out.
  void notes(pugi::xml_node root);

 private:
  void visit(pugi::xml_node n, int depth);
  void paragraph(pugi::xml_node p, int depth);
  void run(pugi::xml_node r, int depth);
  void symbol(pugi::xml_node sym);
  void drain_text_boxes();
  [[nodiscard]] bool too_deep(int depth);

  const WordNames& w_;
  const DocxStyles& styles_;
  TextBuilder& out_;
  std::vector<pugi::xml_node> text_boxes_;  // met inside a paragraph; read after it
  std::string_view paragraph_font_;
  bool in_paragraph_ = false;
  bool warned_depth_ = false;
};

}  // namespace vankho::formats::office
