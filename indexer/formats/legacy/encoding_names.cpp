// Encoding names (for --encoding and reports) and the encoding a font name implies.
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "legacy_encoding.h"

namespace vankho::formats {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with_nocase(std::string_view s, std::string_view lower_prefix) {
  return s.size() >= lower_prefix.size() &&
         ascii_lower(s.substr(0, lower_prefix.size())) == lower_prefix;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

constexpr std::array<std::pair<std::string_view, Encoding>, 19> kNames = {{
    {"unicode", Encoding::kUnicode},
    {"utf-8", Encoding::kUnicode},
    {"utf8", Encoding::kUnicode},
    {"tcvn3", Encoding::kTcvn3},
    {"abc", Encoding::kTcvn3},
    {"tcvn", Encoding::kTcvn3},
    {"tcvn5712", Encoding::kTcvn3},
    {"tcvn5712-1", Encoding::kTcvn3},
    {"tcvn-5712", Encoding::kTcvn3},
    {"tcvn5712:1993", Encoding::kTcvn3},
    {"vni", Encoding::kVni},
    {"vni-windows", Encoding::kVni},
    {"viqr", Encoding::kViqr},
    {"cp1258", Encoding::kCp1258},
    {"windows-1258", Encoding::kCp1258},
    {"win-1258", Encoding::kCp1258},
    {"cp-1258", Encoding::kCp1258},
    {"windows1258", Encoding::kCp1258},
    {"1258", Encoding::kCp1258},
}};

// Style words that PostScript and PDF names append to a family: ".VnTimeH-Bold", "VNI-Times
// Italic".
constexpr std::array<std::string_view, 8> kStyles = {"bold",   "italic",  "bolditalic",  "regular",
                                                     "normal", "oblique", "boldoblique", "roman"};

// The family of a font name: no PDF subset tag ("ABCDEF+"), "#20" as a space, no ",Bold" and no
// trailing style word.
std::string font_family(std::string_view name) {
  name = trim(name);
  if (name.size() > 7 && name[6] == '+') {
    bool tag = true;
    for (size_t i = 0; i < 6; ++i) tag = tag && name[i] >= 'A' && name[i] <= 'Z';
    if (tag) name.remove_prefix(7);
  }
  name = name.substr(0, name.find(','));
  std::string family;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name.substr(i, 3) == "#20") {
      family.push_back(' ');
      i += 2;
    } else {
      family.push_back(name[i]);
    }
  }
  for (bool stripped = true; stripped;) {
    stripped = false;
    const size_t cut = family.find_last_of(" -_");
    if (cut == std::string::npos || cut == 0) break;
    const std::string last = ascii_lower(std::string_view(family).substr(cut + 1));
    for (std::string_view style : kStyles) {
      if (last == style) {
        family.resize(cut);
        stripped = true;
        break;
      }
    }
  }
  return std::string(trim(family));
}

}  // namespace

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::kUnicode:
      return "unicode";
    case Encoding::kTcvn3:
      return "tcvn3";
    case Encoding::kVni:
      return "vni";
    case Encoding::kViqr:
      return "viqr";
    case Encoding::kCp1258:
      return "cp1258";
  }
  return "unicode";
}

std::optional<Encoding> parse_encoding(std::string_view name) {
  const std::string lower = ascii_lower(trim(name));
  for (const auto& [known, encoding] : kNames) {
    if (lower == known) return encoding;
  }
  return std::nullopt;
}

std::optional<FontHint> font_hint(std::string_view font_name) {
  const std::string family = font_family(font_name);
  // VNI fonts: "VNI-Times", "VNI Helve", "VNI_Aptima"; no upper-case variants.
  if (starts_with_nocase(family, "vni-") || starts_with_nocase(family, "vni ") ||
      starts_with_nocase(family, "vni_")) {
    return FontHint{Encoding::kVni, false};
  }
  // TCVN3 (ABC) fonts: ".VnTime", "_VnTime" (a PDF's '.' replaced), "VnTime"; a family ending in
  // 'H' (".VnTimeH", ".VnArial NarrowH") is the upper-case font of the same codes.
  const bool dotted = starts_with_nocase(family, ".vn") || starts_with_nocase(family, "_vn");
  const bool bare = family.size() > 2 && family[0] == 'V' && family[1] == 'n' &&
                    std::isupper(static_cast<unsigned char>(family[2]));
  if (dotted || bare) return FontHint{Encoding::kTcvn3, family.back() == 'H'};
  return std::nullopt;
}

}  // namespace vankho::formats
