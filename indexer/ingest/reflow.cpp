#include "reflow.h"

#include <algorithm>
#include <vector>

#include <unicode/uchar.h>

#include "utf8.h"

namespace vankho::ingest {
namespace {

// A wrapped line fills at least this share of the page's longest line (in characters: on the
// seed PDFs wrapped lines measure 0.85–1.0 of it, a heading or a paragraph's last line up to 0.8);
// one that is followed by a lower-case word needs only kLowerShare.
constexpr double kFullShare = 0.84;
constexpr double kLowerShare = 0.6;
// Lines shorter than this (in characters) are never taken for the page's measure.
constexpr size_t kMinMeasure = 30;

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += text::next_code_point(s, i).length) ++n;
  return n;
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// The line begins a new item of a list or a structure: "2.", "1.1.", "a)", "-", "+", "•",
// "Điều 5", "Chương II", "Mục 1".
bool starts_item(std::string_view line) {
  if (line.empty()) return true;
  if (line.starts_with("- ") || line.starts_with("+ ") || line.starts_with("• ") || line.starts_with("* ")) {
    return true;
  }
  size_t i = 0;
  while (i < line.size() && (ascii_digit(line[i]) || line[i] == '.')) ++i;
  if (i > 0 && i < line.size() && (line[i - 1] == '.' || line[i] == ')' || line[i] == '/')) return true;
  if (line.size() >= 2 && line[1] == ')' && line[0] >= 'a' && line[0] <= 'z') return true;
  for (std::string_view word : {"Điều ", "Chương ", "Mục ", "Phần "}) {
    if (line.starts_with(word) && line.size() > word.size() &&
        (ascii_digit(line[word.size()]) || line[word.size()] == 'I' || line[word.size()] == 'V' ||
         line[word.size()] == 'X')) {
      return true;
    }
  }
  return false;
}

// The line starts with a lower-case letter (ASCII, or a Vietnamese one: ICU knows which).
bool starts_lower(std::string_view line) {
  if (line.empty()) return false;
  const text::CodePoint cp = text::next_code_point(line, 0);
  return u_islower(static_cast<UChar32>(cp.value));
}

}  // namespace

std::string join_wrapped_lines(std::string_view page) {
  std::vector<std::string_view> lines;
  for (size_t from = 0; from <= page.size();) {
    const size_t end = std::min(page.find('\n', from), page.size());
    lines.push_back(page.substr(from, end - from));
    from = end + 1;
  }
  size_t measure = 0;
  for (std::string_view l : lines) measure = std::max(measure, code_points(l));
  if (measure < kMinMeasure) return std::string(page);
  const auto full = static_cast<size_t>(kFullShare * static_cast<double>(measure));
  const auto fair = static_cast<size_t>(kLowerShare * static_cast<double>(measure));
  std::string out;
  out.reserve(page.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    out.append(lines[i]);
    if (i + 1 == lines.size()) break;
    const size_t length = code_points(lines[i]);
    const bool wrapped = !lines[i].empty() && !starts_item(lines[i + 1]) &&
                         (length >= full || (length >= fair && starts_lower(lines[i + 1])));
    out.push_back(wrapped ? ' ' : '\n');
  }
  return out;
}

}  // namespace vankho::ingest
