#include "tidy.h"

namespace vankho::ingest {
namespace {

// Trailing bytes that are no text: spaces, tabs, other control characters.
bool is_space_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7F;
}

// Length of a no-break space (U+00A0, C2 A0) at `pos`, else 0.
size_t nbsp_at(std::string_view s, size_t pos) {
  return pos + 1 < s.size() && s[pos] == '\xC2' && s[pos + 1] == '\xA0' ? 2 : 0;
}

// Length of `line` without trailing spaces, tabs and no-break spaces.
size_t trimmed_length(std::string_view line) {
  size_t end = line.size();
  while (end > 0) {
    if (is_space_byte(line[end - 1])) {
      --end;
    } else if (end >= 2 && line[end - 2] == '\xC2' && line[end - 1] == '\xA0') {
      end -= 2;
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

bool is_blank(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (nbsp_at(text, i)) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

std::string tidy_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank_before = false;  // a blank line since the last line with text
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = pos;
    bool controls = false;  // other than tab: they become spaces
    for (; end < text.size(); ++end) {
      const auto u = static_cast<unsigned char>(text[end]);
      if (u < 0x20 || u == 0x7F) {
        if (u == '\n' || u == '\r' || u == '\f' || u == '\v') break;
        controls = controls || u != '\t';
      }
    }
    const std::string_view line = text.substr(pos, trimmed_length(text.substr(pos, end - pos)));
    pos = end + (text.substr(end).starts_with("\r\n") ? 2 : 1);
    if (line.empty()) {
      blank_before = true;
      continue;
    }
    if (!out.empty()) out.append(blank_before ? "\n\n" : "\n");
    blank_before = false;
    const size_t start = out.size();
    out.append(line);
    if (!controls) continue;
    for (size_t i = start; i < out.size(); ++i) {
      const auto u = static_cast<unsigned char>(out[i]);
      if ((u < 0x20 && u != '\t') || u == 0x7F) out[i] = ' ';
    }
  }
  return out;
}

std::string tidy_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u <= 0x20 || u == 0x7F) {
      pending_space = true;
      continue;
    }
    if (const size_t n = nbsp_at(text, i)) {
      pending_space = true;
      i += n - 1;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace vankho::ingest
