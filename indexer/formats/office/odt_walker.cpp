#include "odt_walker.h"

#include <algorithm>
#include <charconv>

namespace vankho::formats::office {
namespace {

constexpr int kMaxDepth = 200;  // element nesting walked (crafted files nest far deeper)

bool named(pugi::xml_node n, std::string_view name) { return name == n.name(); }

// Elements with no text of the document in them (declarations, change records, annotations,
// index templates) or whose text is not the reading (ruby annotations, note citations).
bool skipped(std::string_view name) {
  return name == "text:tracked-changes" || name == "office:annotation" || name == "office:forms" ||
         name == "text:note-citation" || name == "text:ruby-text" ||
         name == "table:covered-table-cell" || name == "table:table-columns" ||
         name == "table:table-column" || name == "table:table-header-columns" ||
         name.ends_with("-decls") || name.ends_with("-source");
}

}  // namespace

bool OdtWalker::too_deep(int depth) {
  if (depth <= kMaxDepth) return false;
  if (!warned_depth_) {
    warned_depth_ = true;
    out_.warn("XML nested deeper than " + std::to_string(kMaxDepth) +
              " elements: the innermost content is left out");
  }
  return true;
}

void OdtWalker::blocks(pugi::xml_node parent) {
  for (pugi::xml_node c = parent.first_child(); c && !out_.full(); c = c.next_sibling()) {
    block(c, 1);
    drain_text_boxes();
  }
}

void OdtWalker::notes() {
  // Notes hold no notes, but may anchor text boxes: blocks() takes those.
  std::vector<pugi::xml_node> bodies;
  bodies.swap(notes_);
  for (pugi::xml_node body : bodies) {
    if (out_.full()) break;
    blocks(body);
  }
}

void OdtWalker::drain_text_boxes() {
  drain_in_rounds(text_boxes_, out_, kMaxDepth, [this](pugi::xml_node c) { block(c, 1); });
}

void OdtWalker::block(pugi::xml_node n, int depth) {
  if (n.type() != pugi::node_element || too_deep(depth) || out_.full()) return;
  const std::string_view name = n.name();
  if (name == "text:p" || name == "text:h") {
    paragraph(n, depth);
    return;
  }
  if (skipped(name)) return;
  if (name == "draw:text-box") {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) block(c, depth + 1);
    return;
  }
  if (name == "text:list-item") out_.list_item();
  if (name == "table:table-cell") out_.begin_cell();
  // text:list, text:section, table:table, table:table-row(s), text:index-body, draw:frame, ...
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) block(c, depth + 1);
  if (name == "table:table-cell") out_.end_cell();
  if (name == "table:table-row") out_.end_row();
}

void OdtWalker::paragraph(pugi::xml_node p, int depth) {
  const OdtStyles::Paragraph style = styles_.paragraph(p.attribute("text:style-name").value());
  if (style.break_before) out_.page_break();
  space_ = true;
  inline_content(p, style.font, depth + 1);
  out_.end_paragraph();
  if (style.break_after) out_.page_break();
}

void OdtWalker::inline_content(pugi::xml_node parent, std::string_view font, int depth) {
  if (too_deep(depth)) return;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      // ODF collapses white space in paragraphs: a run of it is one space, none at the start.
      chunk_.clear();
      for (const char* s = c.value(); *s != '\0'; ++s) {
        const char ch = *s;
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
          if (!space_) chunk_ += ' ';
          space_ = true;
        } else {
          chunk_ += ch;
          space_ = false;
        }
      }
      out_.text(chunk_, font);
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = c.name();
    if (name == "text:span") {
      auto own = styles_.text_font(c.attribute("text:style-name").value());
      inline_content(c, own ? *own : font, depth + 1);
    } else if (name == "text:s") {
      int count = 1;
      const std::string_view attr = c.attribute("text:c").value();
      std::from_chars(attr.data(), attr.data() + attr.size(), count);
      out_.text(std::string(static_cast<size_t>(std::clamp(count, 1, 1000)), ' '), font);
      space_ = true;
    } else if (name == "text:tab") {
      out_.control('\t');
      space_ = true;
    } else if (name == "text:line-break") {
      out_.control('\n');
      space_ = true;
    } else if (name == "text:note") {
      if (pugi::xml_node body = c.child("text:note-body")) notes_.push_back(body);
    } else if (name == "text:soft-page-break" || skipped(name)) {
      // layout, annotations, change records
    } else if (name.starts_with("text:")) {
      inline_content(c, font, depth + 1);  // text:a, text:meta, fields (their shown text), ...
    } else {
      find_text_boxes(c, depth + 1);  // draw:frame and other objects: only their text boxes
    }
  }
}

void OdtWalker::find_text_boxes(pugi::xml_node n, int depth) {
  if (too_deep(depth)) return;
  if (named(n, "draw:text-box")) {
    text_boxes_.push_back(n);
    return;
  }
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) find_text_boxes(c, depth + 1);
  }
}

}  // namespace vankho::formats::office
