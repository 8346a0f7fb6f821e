// Internal: section headings (`I-`, `II.`, `1.`, `1.7.`, `(1)`, `a)`, markdown `#`) with their
// nesting level and byte offsets, for passage-level results.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "doc_text.h"
#include "extract.h"

namespace vankho::extract::detail {

// The numbering scheme of a heading marker: ordered from outermost to innermost.
struct Marker {
  int rank = 0;       // markdown #..###### 0..5, roman 10, 1. 11, 1.1. 12, 1.1.1. 13, (1) 14, a) 15
  size_t skip = 0;    // bytes before the marker (a `- ` bullet before `(1)`)
  size_t length = 0;  // bytes of the marker and the blanks after it
};

// The heading marker at the start of `line` (already trimmed), when a heading text follows it.
[[nodiscard]] std::optional<Marker> heading_marker(std::string_view line);

// The heading as written: the marker and the heading words (an upper-case run, else up to the end
// of the first sentence, at most ~200 bytes), without trailing punctuation.
[[nodiscard]] std::string_view heading_text(std::string_view line, const Marker& m);

// All headings of the document, in order, with levels and [start, end) byte ranges.
[[nodiscard]] std::vector<Section> find_sections(const DocText& d);

}  // namespace vankho::extract::detail
