#include "docx_walker.h"

#include <charconv>

#include "utf8.h"

namespace vankho::formats::office {
namespace {

constexpr int kMaxDepth = 200;  // element nesting walked (crafted files nest far deeper)

bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

// Markup Compatibility: <mc:AlternateContent> holds the same content twice (a DrawingML text box
// in mc:Choice, its VML copy in mc:Fallback); read the first choice only.
pugi::xml_node one_alternative(pugi::xml_node alternate) {
  for (pugi::xml_node c = alternate.first_child(); c; c = c.next_sibling()) {
    if (std::string_view(c.name()).ends_with(":Choice")) return c;
  }
  for (pugi::xml_node c = alternate.first_child(); c; c = c.next_sibling()) {
    if (std::string_view(c.name()).ends_with(":Fallback")) return c;
  }
  return {};
}

}  // namespace

bool DocxWalker::too_deep(int depth) {
  if (depth <= kMaxDepth) return false;
  if (!warned_depth_) {
    warned_depth_ = true;
    out_.warn("XML nested deeper than " + std::to_string(kMaxDepth) +
              " elements: the innermost content is left out");
  }
  return true;
}

void DocxWalker::blocks(pugi::xml_node parent) {
  for (pugi::xml_node c = parent.first_child(); c && !out_.full(); c = c.next_sibling()) {
    visit(c, 1);
    drain_text_boxes();
  }
}

void DocxWalker::notes(pugi::xml_node root) {
  for (pugi::xml_node note = root.first_child(); note && !out_.full(); note = note.next_sibling()) {
    const std::string_view kind = w_.local(note);
    if (kind != "footnote" && kind != "endnote") continue;
    const std::string_view type = w_.attr(note, "type");
    if (!type.empty() && type != "normal") continue;  // separator, continuationSeparator, ...
    blocks(note);
  }
}

void DocxWalker::drain_text_boxes() {
  drain_in_rounds(text_boxes_, out_, kMaxDepth, [this](pugi::xml_node c) { visit(c, 1); });
}

void DocxWalker::visit(pugi::xml_node n, int depth) {
  if (n.type() != pugi::node_element || too_deep(depth) || out_.full()) return;
  const std::string_view name = w_.local(n);
  if (name == "p") {
    paragraph(n, depth);
  } else if (name == "r") {
    run(n, depth);
  } else if (name == "tr") {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) visit(c, depth + 1);
    out_.end_row();
  } else if (name == "tc") {
    out_.begin_cell();
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) visit(c, depth + 1);
    out_.end_cell();
  } else if (name == "txbxContent") {
    if (in_paragraph_) {
      text_boxes_.push_back(n);
    } else {
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) visit(c, depth + 1);
    }
  } else if (name == "del" || name == "moveFrom" || name == "delText" || name == "instrText" ||
             name == "delInstrText" || name == "tblGrid" || ends_with(name, "Pr") ||
             ends_with(name, "PrEx") || ends_with(name, "PrChange")) {
    // deleted revisions, field codes, properties: no text to read
  } else if (std::string_view(n.name()).ends_with(":AlternateContent")) {
    if (pugi::xml_node alt = one_alternative(n)) {
      for (pugi::xml_node c = alt.first_child(); c; c = c.next_sibling()) visit(c, depth + 1);
    }
  } else {
    // Containers (w:tbl, w:hyperlink, w:ins, w:sdt, w:smartTag, w:fldSimple, ...) and drawings,
    // walked for the paragraphs, runs and text boxes inside.
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) visit(c, depth + 1);
  }
}

void DocxWalker::paragraph(pugi::xml_node p, int depth) {
  const pugi::xml_node ppr = w_.child(p, "pPr");
  const std::string_view style = w_.attr(w_.child(ppr, "pStyle"), "val");
  const pugi::xml_node break_before = w_.child(ppr, "pageBreakBefore");
  if (break_before ? w_.on(break_before) : styles_.page_break_before(style)) out_.page_break();
  const pugi::xml_node num = w_.child(ppr, "numPr");
  if (num ? w_.attr(w_.child(num, "numId"), "val") != "0" : styles_.numbered(style)) {
    out_.list_item();
  }
  const std::string_view outer_font = paragraph_font_;
  const bool outer_in_paragraph = in_paragraph_;
  paragraph_font_ = styles_.paragraph_font(style);
  in_paragraph_ = true;
  for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling()) visit(c, depth + 1);
  in_paragraph_ = outer_in_paragraph;
  paragraph_font_ = outer_font;
  out_.end_paragraph();
  // The last paragraph of a section carries its w:sectPr; sections start a new page unless
  // "continuous" (the default type is nextPage).
  if (const pugi::xml_node sect = w_.child(ppr, "sectPr")) {
    const std::string_view type = w_.attr(w_.child(sect, "type"), "val");
    if (type.empty() || type == "nextPage" || type == "oddPage" || type == "evenPage") {
      out_.page_break();
    }
  }
}

void DocxWalker::run(pugi::xml_node r, int depth) {
  const pugi::xml_node rpr = w_.child(r, "rPr");
  if (w_.on(w_.child(rpr, "vanish"))) return;  // hidden text
  std::string_view font = paragraph_font_;
  if (auto direct = rfonts_font(w_, w_.child(rpr, "rFonts"))) {
    font = *direct;
  } else if (auto styled = styles_.character_font(w_.attr(w_.child(rpr, "rStyle"), "val"))) {
    font = *styled;
  }
  for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = w_.local(c);
    if (name == "t") {
      out_.text(c.child_value(), font);
    } else if (name == "tab" || name == "ptab") {
      out_.control('\t');
    } else if (name == "br") {
      const std::string_view type = w_.attr(c, "type");
      if (type == "page") {
        out_.page_break();
      } else {
        out_.control('\n');
      }
    } else if (name == "cr") {
      out_.control('\n');
    } else if (name == "noBreakHyphen") {
      out_.text("-", font);
    } else if (name == "sym") {
      symbol(c);
    } else if (name == "rPr" || name == "delText" || name == "instrText" ||
               name == "delInstrText" || name == "softHyphen" || name == "lastRenderedPageBreak") {
      // formatting, deleted text, field codes, layout
    } else {
      visit(c, depth + 1);  // w:drawing, w:pict, mc:AlternateContent: text boxes
    }
  }
}

void DocxWalker::symbol(pugi::xml_node sym) {
  const std::string_view hex = w_.attr(sym, "char");
  unsigned code = 0;
  const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
  if (ec != std::errc() || end != hex.data() + hex.size() || code == 0) return;
  // F020-F0FF is the private-use mapping of a symbol font's glyphs (Wingdings bullets, ...): no
  // text to index.
  if ((code >= 0xF000 && code <= 0xF0FF) || code < 0x20 || code > 0x10FFFF ||
      (code >= 0xD800 && code <= 0xDFFF)) {
    return;
  }
  std::string utf8;
  text::append_utf8(utf8, static_cast<char32_t>(code));
  out_.text(utf8, w_.attr(sym, "font"));  // its own font: a real character, no legacy repair
}

}  // namespace vankho::formats::office
