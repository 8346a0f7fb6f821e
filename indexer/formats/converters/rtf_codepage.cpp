#include "rtf_codepage.h"

#include <iconv.h>

#include <cerrno>
#include <vector>

namespace vankho::formats::rtf {
namespace {

constexpr int kFallbackCodepage = 1252;
constexpr size_t kMaxFontName = 256;
const iconv_t kNoConverter = reinterpret_cast<iconv_t>(-1);

// glibc's name for a Windows code page number, "" when it has none.
std::string iconv_name(int codepage) {
  switch (codepage) {
    case 10000:
      return "MACINTOSH";
    case 1361:
      return "JOHAB";
    case 20127:
      return "ASCII";
    case 65001:
      return "UTF-8";
    default:
      break;
  }
  if (codepage >= 28591 && codepage <= 28599) return "ISO-8859-" + std::to_string(codepage - 28590);
  if ((codepage >= 1250 && codepage <= 1258) || codepage == 437 || codepage == 850 ||
      codepage == 852 || codepage == 855 || codepage == 857 ||
      (codepage >= 860 && codepage <= 866) || codepage == 869 || codepage == 874 ||
      codepage == 932 || codepage == 936 || codepage == 949 || codepage == 950) {
    return "CP" + std::to_string(codepage);
  }
  return "";
}

void append_replacement(std::string& out) { out.append("\xEF\xBF\xBD"); }

}  // namespace

int charset_codepage(int charset) {
  switch (charset) {
    case 0:
      return 1252;  // ANSI
    case 2:
      return 1252;  // Symbol: its bytes are glyph numbers; 1252 keeps them readable
    case 77:
      return 10000;  // Mac Roman
    case 128:
      return 932;  // Shift-JIS
    case 129:
      return 949;  // Hangul
    case 130:
      return 1361;  // Johab
    case 134:
      return 936;  // GB2312
    case 136:
      return 950;  // Big5
    case 161:
      return 1253;  // Greek
    case 162:
      return 1254;  // Turkish
    case 163:
      return 1258;  // Vietnamese
    case 177:
      return 1255;  // Hebrew
    case 178:
      return 1256;  // Arabic
    case 186:
      return 1257;  // Baltic
    case 204:
      return 1251;  // Cyrillic
    case 222:
      return 874;  // Thai
    case 238:
      return 1250;  // Eastern European
    case 254:
      return 437;  // PC 437
    case 255:
      return 850;  // OEM
    default:
      return 0;  // DEFAULT_CHARSET (1) and the rest: the document's code page
  }
}

void FontTable::set_charset(int charset) {
  if (defining_ >= 0) fonts_[defining_].charset = charset;
}

void FontTable::set_codepage(int codepage) {
  if (defining_ >= 0) fonts_[defining_].codepage = codepage;
}

void FontTable::add_name_byte(char c) {
  if (defining_ < 0 || c == ';') return;
  std::string& name = fonts_[defining_].name;
  if (name.size() < kMaxFontName) name.push_back(c);
}

int FontTable::codepage(int font) const {
  const auto found = fonts_.find(resolve(font));
  if (found != fonts_.end()) {
    if (found->second.codepage > 0) return found->second.codepage;
    if (const int cp = charset_codepage(found->second.charset); cp > 0) return cp;
  }
  return document_codepage_;
}

std::string FontTable::name(int font) const {
  const auto found = fonts_.find(resolve(font));
  if (found == fonts_.end()) return "";
  std::string_view name = found->second.name;
  while (!name.empty() && static_cast<unsigned char>(name.front()) <= ' ') name.remove_prefix(1);
  while (!name.empty() && static_cast<unsigned char>(name.back()) <= ' ') name.remove_suffix(1);
  return std::string(name);
}

CodepageDecoder::~CodepageDecoder() {
  for (const auto& [codepage, cd] : open_) {
    if (cd != nullptr) iconv_close(static_cast<iconv_t>(cd));
  }
}

void* CodepageDecoder::converter(int codepage) {
  const auto found = open_.find(codepage);
  if (found != open_.end()) return found->second;
  const std::string name = iconv_name(codepage);
  iconv_t cd = name.empty() ? kNoConverter : iconv_open("UTF-8", name.c_str());
  void* stored = cd == kNoConverter ? nullptr : static_cast<void*>(cd);
  open_.emplace(codepage, stored);
  return stored;
}

void CodepageDecoder::decode(int codepage, std::string_view bytes, std::string& out) {
  bool ascii = true;
  for (const char c : bytes) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    out.append(bytes);
    return;
  }
  void* cd = converter(codepage);
  if (cd == nullptr) {
    unknown_.insert(codepage);
    cd = converter(kFallbackCodepage);
    if (cd == nullptr) {  // no iconv at all: keep ASCII, replace the rest
      for (const char c : bytes) {
        if (static_cast<unsigned char>(c) < 0x80) {
          out.push_back(c);
        } else {
          append_replacement(out);
          ++invalid_;
        }
      }
      return;
    }
  }
  const auto conv = static_cast<iconv_t>(cd);
  iconv(conv, nullptr, nullptr, nullptr, nullptr);  // a fresh shift state
  std::vector<char> buffer(bytes.size() * 4 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  while (in_left > 0) {
    char* to = buffer.data();
    size_t to_left = buffer.size();
    const size_t rc = iconv(conv, &in, &in_left, &to, &to_left);
    const int e = errno;
    out.append(buffer.data(), static_cast<size_t>(to - buffer.data()));
    if (rc != static_cast<size_t>(-1)) break;
    if (e == E2BIG) continue;
    append_replacement(out);  // a byte the code page does not have, or a cut multi-byte character
    ++invalid_;
    ++in;
    --in_left;
  }
  char* to = buffer.data();
  size_t to_left = buffer.size();
  iconv(conv, nullptr, nullptr, &to, &to_left);  // what a stateful code page (1258) still holds
  out.append(buffer.data(), static_cast<size_t>(to - buffer.data()));
}

}  // namespace vankho::formats::rtf
