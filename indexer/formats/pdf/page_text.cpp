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

LineFonts::LineFonts(const std::vector<PdfWord>& words, std::optional<FontHint> fallback)
    : fallback_(fallback) {
  std::unordered_map<std::string, std::optional<FontHint>> by_font;
  std::vector<std::pair<std::optional<FontHint>, size_t>> chars_by_hint;
  hints_.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    auto font = by_font.find(words[i].font);
    if (font == by_font.end())
      font = by_font.emplace(words[i].font, font_hint(words[i].font)).first;
    hints_.push_back(font->second);
    if (words[i].text.empty()) continue;
    unused_[words[i].text].push_back(i);
    auto counted = std::find_if(chars_by_hint.begin(), chars_by_hint.end(),
                                [&](const auto& c) { return same_hint(c.first, font->second); });
    if (counted == chars_by_hint.end()) {
      chars_by_hint.emplace_back(font->second, 0);
      counted = chars_by_hint.end() - 1;
    }
    counted->second += words[i].text.size();
  }
  for (auto& [word, indexes] : unused_) std::reverse(indexes.begin(), indexes.end());
  if (!chars_by_hint.empty()) {
    fallback_ = std::max_element(chars_by_hint.begin(), chars_by_hint.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; })
                    ->first;
  }
}

std::optional<size_t> LineFonts::take(std::string_view word) {
  auto found = unused_.find(std::string(word));
  if (found == unused_.end() || found->second.empty()) return std::nullopt;
  const size_t index = found->second.back();
  found->second.pop_back();
  return index;
}

// A token that is several list words run together ("ab" for "a" + "b"): longest known prefixes.
std::optional<size_t> LineFonts::take_joined(std::string_view token) {
  std::optional<size_t> first;
  while (!token.empty()) {
    if (first) {
      if (auto whole = take(token)) return first;
    }
    std::optional<size_t> got;
    size_t cut = token.size();
    while (!got && cut > 1) {
      cut = text::code_point_start(token, cut - 1);
      if (cut == 0) break;
      got = take(token.substr(0, cut));
    }
    if (!got) break;
    if (!first) first = got;
    token.remove_prefix(cut);
  }
  return first;
}

std::vector<LineRun> LineFonts::runs(std::string_view line) {
  struct Token {
    size_t begin, end;
    std::optional<size_t> word;
  };
  std::vector<Token> tokens;
  for (size_t pos = 0; pos < line.size();) {
    if (line[pos] == ' ') {
      ++pos;
      continue;
    }
    size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view token = line.substr(pos, end - pos);
    std::optional<size_t> word = take(token);
    if (!word) word = take_joined(token);
    tokens.push_back({pos, end, word});
    pos = end;
  }
  std::vector<LineRun> out;
  if (tokens.empty()) return out;
  // The hint of an unmatched token: the word before it; at the line start, the first match.
  auto first_known =
      std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.word; });
  std::optional<FontHint> current =
      first_known == tokens.end() ? fallback_ : hints_[*first_known->word];
  for (const Token& token : tokens) {
    if (token.word) current = hints_[*token.word];
    if (!out.empty() && same_hint(out.back().hint, current)) {
      out.back().end = token.end;
    } else {
      out.push_back({token.begin, token.end, current});
    }
  }
  return out;
}

std::string tidy_text(std::string_view raw) { return nfc(without_c1_controls(tidy_lines(raw))); }

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

PageText repair_page_text(std::string_view raw, const std::vector<PdfWord>& words,
                          std::optional<FontHint> page_hint, std::optional<Encoding> forced) {
  const std::string lines = tidy_lines(raw);
  LineFonts fonts(words, page_hint);
  PageText page;
  std::string out;
  out.reserve(lines.size() + lines.size() / 4);
  for (size_t pos = 0; pos < lines.size();) {
    size_t nl = lines.find('\n', pos);
    if (nl == std::string::npos) nl = lines.size();
    const std::string_view line = std::string_view(lines).substr(pos, nl - pos);
    std::array<bool, kEncodings> converted{};
    size_t done = 0;
    for (const LineRun& run : fonts.runs(line)) {
      out.append(line.substr(done, run.begin - done));
      std::string_view piece = line.substr(run.begin, run.end - run.begin);
      std::string unmasked;
      if (run.hint && run.hint->encoding != Encoding::kUnicode) {
        unmasked = unmask_symbol_codes(piece);
        piece = unmasked;
      }
      Repaired repaired = repair_run(piece, run.hint, forced);
      if (repaired.encoding != Encoding::kUnicode) {
        converted[static_cast<size_t>(repaired.encoding) % kEncodings] = true;
      }
      out += repaired.text;
      done = run.end;
    }
    out.append(line.substr(done));
    for (size_t e = 0; e < kEncodings; ++e) {
      if (converted[e]) ++page.converted_lines[static_cast<Encoding>(e)];
    }
    if (nl < lines.size()) out += '\n';
    pos = nl + 1;
  }
  if (!text::valid_utf8(out)) out = text::decode(out).text;
  page.text = nfc(without_c1_controls(std::move(out)));
  return page;
}

}  // namespace vankho::formats::pdf
