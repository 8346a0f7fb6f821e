// Line-preserving whitespace cleanup, the last step of every reader: trailing spaces trimmed on
// each line, runs of blank lines collapsed to one, no blank lines at the start or the end.
// \r\n, \r, \f and \v are line breaks; other control characters but tab become spaces.
#pragma once

#include <string>
#include <string_view>

namespace vankho::ingest {

[[nodiscard]] std::string tidy_text(std::string_view text);

// A one-line form for titles and field values: every whitespace run becomes one space, trimmed.
[[nodiscard]] std::string tidy_line(std::string_view text);

// True when `text` holds nothing but ASCII whitespace and no-break spaces.
[[nodiscard]] bool is_blank(std::string_view text);

}  // namespace vankho::ingest
