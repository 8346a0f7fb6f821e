// Page text tidying and legacy-font repair by line (see page_text.h).
#include "page_text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <array>

#include "decode.h"
#include "utf8.h"

namespace vankho::formats::pdf {
namespace {

constexpr size_t kEncodings = 5;  // values of Encoding

// Drops C0 controls ('\f' included; a tab is a space), collapses runs of spaces, trims.
std::string clean_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) {
      if (b != '\t') continue;
      c = ' ';
    }
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Valid UTF-8 lines, clean, no blank line first or last, never two blank lines in a row.
std::string tidy_lines(std::string_view raw) {
  const std::string decoded = text::decode(raw).text;
  std::string out;
  out.reserve(decoded.size());
  bool blank_pending = false;
  for (size_t pos = 0; pos <= decoded.size();) {
    size_t nl = decoded.find('\n', pos);
    if (nl == std::string::npos) nl = decoded.size();
    const std::string line = clean_line(std::string_view(decoded).substr(pos, nl - pos));
    if (line.empty()) {
      blank_pending = !out.empty();
    } else {
      if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
      out += line;
      blank_pending = false;
    }
    pos = nl + 1;
  }
  return out;
}

// C1 controls (U+0080..U+009F) are kept through repair (a legacy byte may read as one), then go.
std::string without_c1_controls(std::string s) {
  size_t w = 0;
  for (size_t r = 0; r < s.size(); ++r) {
    if (static_cast<unsigned char>(s[r]) == 0xC2 && r + 1 < s.size() &&
        static_cast<unsigned char>(s[r + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[r + 1]) < 0xA0) {
      ++r;
      continue;
    }
    s[w++] = s[r];
  }
  s.resize(w);
  return s;
}

std::string nfc(std::string s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || normalizer->isNormalizedUTF8(s, status)) return s;
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(s.size()));
  normalizer->normalizeUTF8(0, s, sink, nullptr, status);
  return U_SUCCESS(status) ? out : s;
}

}  // namespace

bool same_hint(const std::optional<FontHint>& a, const std::optional<FontHint>& b) {
  if (!a || !b) return !a && !b;
  return a->encoding == b->encoding && a->upper_case == b->upper_case;
}

std::string tidy_text(std::string_view raw) { return nfc(without_c1_controls(tidy_lines(raw))); }

namespace {

// Latin-1 characters that Unicode Vietnamese uses: À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý, lower case too.
bool vietnamese_latin1(char32_t cp) {
  switch (cp | 0x20) {
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE8: case 0xE9: case 0xEA: case 0xEC:
    case 0xED: case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF9: case 0xFA: case 0xFD:
      return true;
    default:
      return false;
  }
}

bool legacy_sign(char32_t cp) {
  if (cp < 0x20) return true;
  if (cp < 0x80) return false;
  if (cp <= 0xFF) return cp != 0xA0 && !vietnamese_latin1(cp);
  switch (cp) {  // letters of cp1252's 0x80..0x9F
    case 0x152: case 0x153: case 0x160: case 0x161: case 0x178: case 0x17D: case 0x17E:
    case 0x192: case 0x2C6: case 0x2DC:
      return true;
    default:
      return cp >= 0xF020 && cp <= 0xF0FF;
  }
}

}  // namespace

bool may_be_legacy(const std::vector<PdfWord>& words) {
  for (const PdfWord& word : words) {
    const std::string_view s = word.text;
    for (size_t pos = 0; pos < s.size();) {
      const auto b = static_cast<unsigned char>(s[pos]);
      if (b >= 0x20 && b < 0x80) {
        ++pos;
        continue;
      }
      const text::CodePoint cp = text::next_code_point(s, pos);
      if (legacy_sign(cp.value)) return true;
      pos += cp.length;
    }
  }
  return false;
}

std::string unmask_symbol_codes(std::string_view run) {
  std::string out;
  out.reserve(run.size());
  for (size_t pos = 0; pos < run.size();) {
    const text::CodePoint cp = text::next_code_point(run, pos);
    if (cp.value >= 0xF020 && cp.value <= 0xF0FF) {
      text::append_utf8(out, cp.value - 0xF000);
    } else {
      out.append(run.substr(pos, cp.length));
    }
    pos += cp.length;
  }
  return out;
}

namespace {

// Each word's font hint (see page_text in page_text.h).
std::vector<std::optional<FontHint>> word_hints(const std::vector<PdfWord>& words,
                                                std::optional<FontHint> page_hint) {
  std::vector<std::optional<FontHint>> hints(words.size(), page_hint);
  const bool any_font = std::any_of(words.begin(), words.end(),
                                    [](const PdfWord& w) { return !w.font.empty(); });
  if (!any_font) return hints;
  std::vector<std::pair<std::string_view, std::optional<FontHint>>> by_font;  // few fonts a page
  std::vector<std::pair<std::optional<FontHint>, size_t>> chars_by_hint;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].font.empty()) continue;
    auto font = std::find_if(by_font.begin(), by_font.end(),
                             [&](const auto& f) { return f.first == words[i].font; });
    if (font == by_font.end()) {
      by_font.emplace_back(words[i].font, font_hint(words[i].font));
      font = by_font.end() - 1;
    }
    hints[i] = font->second;
    auto counted = std::find_if(chars_by_hint.begin(), chars_by_hint.end(),
                                [&](const auto& c) { return same_hint(c.first, font->second); });
    if (counted == chars_by_hint.end()) {
      chars_by_hint.emplace_back(font->second, 0);
      counted = chars_by_hint.end() - 1;
    }
    counted->second += words[i].text.size();
  }
  const std::optional<FontHint> dominant =
      std::max_element(chars_by_hint.begin(), chars_by_hint.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; })
          ->first;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].font.empty()) hints[i] = dominant;
  }
  return hints;
}

// Words [begin, end) as text, each followed by what `after` says (nothing after the last).
void append_words(std::string& out, const std::vector<PdfWord>& words,
                  const std::vector<After>& after, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (text::valid_utf8(words[i].text)) {
      out += words[i].text;
    } else {
      out += text::decode(words[i].text).text;
    }
    if (i + 1 < end && after[i] != After::kNothing) out += ' ';
  }
}

}  // namespace

PageText page_text(const std::vector<PdfWord>& words, std::optional<FontHint> page_hint,
                   std::optional<Encoding> forced) {
  const std::vector<After> after = lay_out(words);
  const std::vector<std::optional<FontHint>> hints = word_hints(words, page_hint);
  PageText page;
  std::string out, line, piece;
  bool blank_pending = false;
  for (size_t begin = 0; begin < words.size();) {
    size_t end = begin + 1;  // the line: words [begin, end)
    while (end < words.size() &&
           (after[end - 1] == After::kNothing || after[end - 1] == After::kSpace)) {
      ++end;
    }
    line.clear();
    std::array<bool, kEncodings> converted{};
    for (size_t run = begin; run < end;) {
      size_t run_end = run + 1;
      while (run_end < end && same_hint(hints[run_end], hints[run])) ++run_end;
      piece.clear();
      append_words(piece, words, after, run, run_end);
      std::string cleaned = clean_line(piece);
      if (hints[run] && hints[run]->encoding != Encoding::kUnicode) {
        cleaned = unmask_symbol_codes(cleaned);
      }
      Repaired repaired = repair_run(cleaned, hints[run], forced);
      if (repaired.encoding != Encoding::kUnicode) {
        converted[static_cast<size_t>(repaired.encoding) % kEncodings] = true;
      }
      line += repaired.text;
      if (run_end < end && after[run_end - 1] != After::kNothing) line += ' ';
      run = run_end;
    }
    const std::string cleaned = clean_line(line);
    if (!cleaned.empty()) {
      if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
      out += cleaned;
      blank_pending = false;
      for (size_t e = 0; e < kEncodings; ++e) {
        if (converted[e]) ++page.converted_lines[static_cast<Encoding>(e)];
      }
    }
    if (after[end - 1] == After::kParagraph && !out.empty()) blank_pending = true;
    begin = end;
  }
  if (!text::valid_utf8(out)) out = text::decode(out).text;
  page.text = nfc(without_c1_controls(std::move(out)));
  return page;
}

}  // namespace vankho::formats::pdf
