#include "page_text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <vector>

namespace vankho::formats::ocr_internal {
namespace {

bool is_dropped_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7f;
}

std::string to_nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  // fromUTF8 turns invalid sequences into U+FFFD, so the result is always valid UTF-8.
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString normalised = nfc->normalize(source, status);
  if (U_FAILURE(status)) normalised = source;
  std::string out;
  normalised.toUTF8String(out);
  return out;
}

}  // namespace

std::string clean_page_text(std::string_view raw) {
  std::vector<std::string> lines;
  std::string line;
  auto finish_line = [&] {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    const bool blank = line.empty();
    if (!blank || (!lines.empty() && !lines.back().empty())) lines.push_back(line);
    line.clear();
  };
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;  // CR LF: one break
    if (c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      finish_line();
    } else if (!is_dropped_control(c)) {
      line += c;
    }
  }
  finish_line();
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) text += '\n';
    text += lines[i];
  }
  return to_nfc(text);
}

std::string_view cut_utf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  const size_t newline = text.rfind('\n', max_bytes);
  if (newline != std::string_view::npos && newline > 0) return text.substr(0, newline);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace vankho::formats::ocr_internal
