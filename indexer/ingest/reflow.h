// Lines that a page layout wrapped, joined back into their paragraphs, for text that comes out one
// printed line a line without the geometry to tell (OCR; the PDF reader decides from the words'
// boxes itself); the analyzer pairs words into bigrams only within a line (a line break
// is a break, schema/terms.h), so `Đại` at the end of one printed line and `hội` at the start of
// the next would never pair, and a heading would run into the lines under it if all were joined.
// A line is joined to the next when it reaches (nearly) the page's measure — it was wrapped — and
// the next one does not start a new item (`2.`, `a)`, `-`, `Điều 5`).
#pragma once

#include <string>
#include <string_view>

namespace vankho::ingest {

[[nodiscard]] std::string join_wrapped_lines(std::string_view page);

}  // namespace vankho::ingest
