#include "html_entities.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace vankho::ingest {
namespace {

const std::unordered_map<std::string_view, char32_t>& named_entities() {
  static const std::unordered_map<std::string_view, char32_t> table = {
      // Markup and spaces.
      {"amp", '&'},
      {"lt", '<'},
      {"gt", '>'},
      {"quot", '"'},
      {"apos", '\''},
      {"nbsp", 0xA0},
      {"ensp", 0x2002},
      {"emsp", 0x2003},
      {"thinsp", 0x2009},
      {"zwnj", 0x200C},
      {"zwj", 0x200D},
      {"lrm", 0x200E},
      {"rlm", 0x200F},
      {"shy", 0xAD},
      // Typography.
      {"ndash", 0x2013},
      {"mdash", 0x2014},
      {"lsquo", 0x2018},
      {"rsquo", 0x2019},
      {"sbquo", 0x201A},
      {"ldquo", 0x201C},
      {"rdquo", 0x201D},
      {"bdquo", 0x201E},
      {"dagger", 0x2020},
      {"bull", 0x2022},
      {"hellip", 0x2026},
      {"permil", 0x2030},
      {"lsaquo", 0x2039},
      {"rsaquo", 0x203A},
      {"euro", 0x20AC},
      {"trade", 0x2122},
      {"minus", 0x2212},
      {"laquo", 0xAB},
      {"raquo", 0xBB},
      {"middot", 0xB7},
      {"deg", 0xB0},
      {"copy", 0xA9},
      {"reg", 0xAE},
      {"sect", 0xA7},
      {"para", 0xB6},
      {"times", 0xD7},
      {"divide", 0xF7},
      {"plusmn", 0xB1},
      {"cent", 0xA2},
      {"pound", 0xA3},
      {"yen", 0xA5},
      {"curren", 0xA4},
      {"brvbar", 0xA6},
      {"uml", 0xA8},
      {"ordf", 0xAA},
      {"ordm", 0xBA},
      {"not", 0xAC},
      {"macr", 0xAF},
      {"acute", 0xB4},
      {"micro", 0xB5},
      {"cedil", 0xB8},
      {"sup1", 0xB9},
      {"sup2", 0xB2},
      {"sup3", 0xB3},
      {"frac14", 0xBC},
      {"frac12", 0xBD},
      {"frac34", 0xBE},
      {"iexcl", 0xA1},
      {"iquest", 0xBF},
      // Latin-1 letters.
      {"Agrave", 0xC0},
      {"Aacute", 0xC1},
      {"Acirc", 0xC2},
      {"Atilde", 0xC3},
      {"Auml", 0xC4},
      {"Aring", 0xC5},
      {"AElig", 0xC6},
      {"Ccedil", 0xC7},
      {"Egrave", 0xC8},
      {"Eacute", 0xC9},
      {"Ecirc", 0xCA},
      {"Euml", 0xCB},
      {"Igrave", 0xCC},
      {"Iacute", 0xCD},
      {"Icirc", 0xCE},
      {"Iuml", 0xCF},
      {"ETH", 0xD0},
      {"Ntilde", 0xD1},
      {"Ograve", 0xD2},
      {"Oacute", 0xD3},
      {"Ocirc", 0xD4},
      {"Otilde", 0xD5},
      {"Ouml", 0xD6},
      {"Oslash", 0xD8},
      {"Ugrave", 0xD9},
      {"Uacute", 0xDA},
      {"Ucirc", 0xDB},
      {"Uuml", 0xDC},
      {"Yacute", 0xDD},
      {"THORN", 0xDE},
      {"szlig", 0xDF},
      {"agrave", 0xE0},
      {"aacute", 0xE1},
      {"acirc", 0xE2},
      {"atilde", 0xE3},
      {"auml", 0xE4},
      {"aring", 0xE5},
      {"aelig", 0xE6},
      {"ccedil", 0xE7},
      {"egrave", 0xE8},
      {"eacute", 0xE9},
      {"ecirc", 0xEA},
      {"euml", 0xEB},
      {"igrave", 0xEC},
      {"iacute", 0xED},
      {"icirc", 0xEE},
      {"iuml", 0xEF},
      {"eth", 0xF0},
      {"ntilde", 0xF1},
      {"ograve", 0xF2},
      {"oacute", 0xF3},
      {"ocirc", 0xF4},
      {"otilde", 0xF5},
      {"ouml", 0xF6},
      {"oslash", 0xF8},
      {"ugrave", 0xF9},
      {"uacute", 0xFA},
      {"ucirc", 0xFB},
      {"uuml", 0xFC},
      {"yacute", 0xFD},
      {"thorn", 0xFE},
      {"yuml", 0xFF},
      // Latin Extended letters of Vietnamese that have HTML names (ơ and ư have none).
      {"Abreve", 0x102},
      {"abreve", 0x103},
      {"Dstrok", 0x110},
      {"dstrok", 0x111},
      {"Itilde", 0x128},
      {"itilde", 0x129},
      {"Utilde", 0x168},
      {"utilde", 0x169},
      {"OElig", 0x152},
      {"oelig", 0x153},
      {"Scaron", 0x160},
      {"scaron", 0x161},
      {"Yuml", 0x178},
  };
  return table;
}

// Windows-1252 for references &#128; .. &#159; (HTML's numeric reference rules).
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

EntityMatch match_numeric(std::string_view text, size_t pos) {
  size_t i = pos + 2;  // after "&#"
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  const size_t digits_start = i;
  uint64_t value = 0;
  for (; i < text.size(); ++i) {
    const int d =
        hex ? hex_value(text[i]) : (text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1);
    if (d < 0) break;
    if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + static_cast<uint64_t>(d);
  }
  if (i == digits_start) return {};  // "&#" or "&#x" without digits is text
  if (i < text.size() && text[i] == ';') ++i;
  char32_t cp = static_cast<char32_t>(value);
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    cp = 0xFFFD;
  } else if (value >= 0x80 && value <= 0x9F) {
    cp = kWindows1252[value - 0x80];
  }
  return {cp, i - pos};
}

}  // namespace

EntityMatch match_entity(std::string_view text, size_t pos) {
  if (pos + 1 >= text.size() || text[pos] != '&') return {};
  if (text[pos + 1] == '#') return match_numeric(text, pos);
  size_t end = pos + 1;
  while (end < text.size() && end - pos <= 32 && is_alnum(text[end])) ++end;
  const std::string_view name = text.substr(pos + 1, end - pos - 1);
  if (name.empty()) return {};
  const auto& table = named_entities();
  const auto it = table.find(name);
  if (it == table.end()) return {};
  if (end < text.size() && text[end] == ';') return {it->second, end - pos + 1};
  // Without ';' only the old references browsers also accept that way.
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "nbsp") {
    return {it->second, end - pos};
  }
  return {};
}

}  // namespace vankho::ingest
