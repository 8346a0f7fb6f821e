// RTF to text in one pass: the body's text in reading order (paragraphs, table rows, page
// breaks), footnotes after it, and the \info title, author and dates; pictures, fonts, styles,
// headers, footers, field codes and \* destinations left out (internal to read_rtf).
#pragma once

#include <chrono>
#include <cstdint>
#include <set>
#include <streambuf>
#include <string>
#include <vector>

#include "extracted.h"

namespace vankho::formats::rtf {

struct ParseLimits {
  uint64_t max_text_bytes = 64ull << 20;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct ParsedRtf {
  // UTF-8: '\n' ends a paragraph, a line or a table row; '\t' separates table cells; '\f' is a
  // page break (\page, \pagebb, a section that starts a new page). Not yet cleaned.
  std::string text;
  FileProperties properties;              // title and creator as written (line ends and all)
  size_t invalid_bytes = 0;               // 8-bit text its code page does not have (now U+FFFD)
  std::set<int> unknown_codepages;        // read as 1252
  std::vector<std::string> legacy_fonts;  // fonts of the text with legacy Vietnamese names (UTF-8)
  bool cut_at_text_limit = false;
  bool cut_at_time_limit = false;
  bool unterminated = false;  // the input ended inside a group
};

[[nodiscard]] ParsedRtf parse_rtf(std::streambuf& in, const ParseLimits& limits);

}  // namespace vankho::formats::rtf
