#include "converted_text.h"

#include <vector>

#include "decode.h"

namespace vankho::formats {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// One page's lines, each without leading spaces and trailing blanks, with no empty line first or
// last and no two empty lines in a row.
std::string clean_page(std::string_view page) {
  std::string out;
  bool pending_empty = false;
  for (size_t from = 0; from <= page.size();) {
    size_t end = page.find('\n', from);
    if (end == std::string_view::npos) end = page.size();
    std::string_view line = page.substr(from, end - from);
    while (!line.empty() && line.front() == ' ')
      line.remove_prefix(1);  // not '\t': a table's empty cell
    while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
    if (line.empty()) {
      pending_empty = !out.empty();
    } else {
      if (!out.empty()) out += pending_empty ? "\n\n" : "\n";
      out.append(line);
      pending_empty = false;
    }
    from = end + 1;
  }
  return out;
}

}  // namespace

CleanText clean_converted_text(std::string_view raw) {
  text::DecodedText decoded = text::decode(raw);
  std::string kept;
  kept.reserve(decoded.text.size());
  for (const char c : decoded.text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\f') {
      if (u != 0x7F) kept.push_back(c);
    }
  }
  std::vector<std::string> pages;
  for (size_t from = 0; from <= kept.size();) {
    size_t end = kept.find('\f', from);
    if (end == std::string::npos) end = kept.size();
    pages.push_back(clean_page(std::string_view(kept).substr(from, end - from)));
    from = end + 1;
  }
  size_t first = 0, last = pages.size();
  while (first < last && pages[first].empty()) ++first;
  while (last > first && pages[last - 1].empty()) --last;
  CleanText out;
  out.invalid_sequences = decoded.invalid_sequences;
  for (size_t i = first; i < last; ++i) {
    if (i > first) out.text.push_back('\f');
    out.text += pages[i];
  }
  return out;
}

std::string_view cut_at_line(std::string_view raw, size_t max) {
  raw = raw.substr(0, max);
  const size_t end = raw.rfind('\n');
  return end == std::string_view::npos ? raw : raw.substr(0, end + 1);
}

}  // namespace vankho::formats
