// HTML (.html, .htm) to text with a small hand-written state machine: no HTML library is in the
// design card, and indexing needs only text, line breaks and the <title>. Tags, comments,
// <script>, <style>, <template>, <noscript> and <svg> content are removed, character references
// decoded (&nbsp; as a plain space), block elements (p, div, br, li, tr, td, h1-h6, ...) become
// line breaks, paragraphs and headings a blank line. Malformed markup (unclosed tags, comments
// or quotes, a stray '<') never throws: what is left is text.
#pragma once

#include <string>
#include <string_view>

namespace vankho::ingest {

struct HtmlText {
  std::string title;  // the first <title>, whitespace collapsed; "" when none
  std::string text;   // body text, one line per block, runs of spaces collapsed (not in <pre>)
};

[[nodiscard]] HtmlText html_to_text(std::string_view html);

}  // namespace vankho::ingest
