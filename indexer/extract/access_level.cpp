// The access levels of vocabulary.h.
#include <array>

#include "fold.h"
#include "vocabulary.h"

namespace vankho::extract {
namespace {

struct LevelName {
  std::string_view slug, label;
};

constexpr std::array<LevelName, kAccessLevelCount> kNames = {{
    {"cong-khai", "Công khai"},
    {"noi-bo", "Nội bộ"},
    {"mat", "Mật"},
    {"toi-mat", "Tối mật"},
    {"tuyet-mat", "Tuyệt mật"},
}};

// "Tối  mật" → "toi-mat": folded, lowercase, runs of spaces, dashes and underscores to one '-'.
std::string slug_of(std::string_view text) {
  const std::string folded = text::fold(text);
  std::string out;
  for (char c : folded) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower == ' ' || lower == '-' || lower == '_' || lower == '\t') {
      if (!out.empty() && out.back() != '-') out += '-';
    } else {
      out += lower;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

std::string_view level_slug(AccessLevel level) { return kNames[level_index(level)].slug; }
std::string_view level_label(AccessLevel level) { return kNames[level_index(level)].label; }

std::optional<AccessLevel> parse_level(std::string_view text) {
  std::string slug = slug_of(text);
  if (slug == "luu-hanh-noi-bo") slug = "noi-bo";
  for (AccessLevel level : kAccessLevels) {
    if (slug == level_slug(level)) return level;
  }
  return std::nullopt;
}

std::string level_choices() {
  std::string out;
  for (AccessLevel level : kAccessLevels) {
    if (!out.empty()) out += ", ";
    out += level_slug(level);
  }
  return out;
}

}  // namespace vankho::extract
