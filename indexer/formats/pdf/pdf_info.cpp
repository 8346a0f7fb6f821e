// Document information to FileProperties (see pdf_info.h).
#include "pdf_info.h"

#include <cctype>
#include <cstdio>
#include <ctime>

#include "decode.h"
#include "legacy_encoding.h"
#include "poppler_session.h"

namespace vankho::formats::pdf {
namespace {

// Digits [pos, pos+n) as a number, or -1 when absent or not digits.
int number_at(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::string trimmed(std::string s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Valid UTF-8, trimmed, and repaired when it was typed in a legacy encoding (old Word files
// give their PDFs titles like "NghÞ quyÕt").
std::string text_property(const poppler::document& doc, const std::string& key,
                          std::optional<Encoding> forced) {
  const std::string value = trimmed(text::decode(utf8_of(doc.info_key(key))).text);
  if (value.empty()) return value;
  return repair_run(value, std::nullopt, forced).text;
}

std::string iso_date(int year, int month, int day) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string date_property(const poppler::document& doc, const std::string& key) {
  std::string iso = iso_date_of_pdf_date(trimmed(utf8_of(doc.info_key(key))));
  if (!iso.empty()) return iso;
  // Odd strings poppler still understands ("D:2022040210" is fine above; this is the rest).
  const time_t t = doc.info_date_t(key);
  if (t <= 0) return "";
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "";
  return iso_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace

std::string iso_date_of_pdf_date(std::string_view raw) {
  if (raw.starts_with("D:")) raw.remove_prefix(2);
  const int year = number_at(raw, 0, 4);
  if (year < 1900 || year > 2200) return "";
  int month = 1, day = 1;
  if (raw.size() > 4 && std::isdigit(static_cast<unsigned char>(raw[4]))) {
    month = number_at(raw, 4, 2);
    if (raw.size() > 6 && std::isdigit(static_cast<unsigned char>(raw[6])))
      day = number_at(raw, 6, 2);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  return iso_date(year, month, day);
}

FileProperties read_properties(const poppler::document& doc, std::optional<Encoding> forced) {
  FileProperties p;
  p.title = text_property(doc, "Title", forced);
  p.creator = text_property(doc, "Author", forced);
  p.created = date_property(doc, "CreationDate");
  p.modified = date_property(doc, "ModDate");
  return p;
}

}  // namespace vankho::formats::pdf
