// decode_legacy_bytes: a plain-text file that is not valid UTF-8, decoded line by line with the
// encoding whose reading is most Vietnamese. Two passes: lines with a clear winner first, then the
// tied lines (short, few letters) go to the encoding most clear lines had.
#include <array>
#include <map>
#include <utility>

#include "byte_view.h"
#include "converters.h"
#include "detect.h"
#include "legacy_encoding.h"
#include "syllable.h"
#include "utf8.h"

namespace vankho::formats {
namespace {

using legacy::Reading;
using legacy::SyllableScore;

// The legacy candidates in tie order (cp1252/Latin-1, the last resort, comes after them).
constexpr std::array<Encoding, 3> kLegacy = {Encoding::kTcvn3, Encoding::kVni, Encoding::kCp1258};

struct Line {
  std::string_view bytes;  // without its '\n'
  bool newline = false;
  std::string text;
  Encoding encoding = Encoding::kUnicode;
  std::vector<Reading> tied;  // kept until the second pass when no reading won clearly
};

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Whether `bytes` use the codes where TCVN3 files written by converters (the VN1 table) have
// capitals with tones and the .VnTime fonts have punctuation or nothing.
bool has_vn1_capital_codes(std::string_view bytes) {
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= 0x80 && b <= 0x9F) || (b >= 0x01 && b <= 0x17 && b != '\t' && b != '\n' && b != '\v' &&
                                      b != '\f' && b != '\r')) {
      return true;
    }
  }
  return false;
}

// The TCVN3 reading: as the fonts have it, or with the full table when that is more Vietnamese
// ("PHÓ BÍ THƯ" from a file iconv wrote, not "PH• B THƯ").
std::optional<Reading> read_tcvn3(std::string_view bytes) {
  std::optional<Reading> font = legacy::read_as(Encoding::kTcvn3, bytes, legacy::Words::kNonAscii);
  if (!has_vn1_capital_codes(bytes)) return font;
  std::optional<std::string> full = legacy::decode_tcvn3_vn1(bytes);
  if (!full) return font;
  Reading vn1{Encoding::kTcvn3, std::move(*full), {}};
  vn1.score = legacy::score_syllables(vn1.text, legacy::Words::kNonAscii);
  if (!font || legacy::more_vietnamese(vn1.score, font->score)) return vn1;
  return font;
}

// The four readings of an invalid line: kLegacy in order, then cp1252 (as kUnicode).
std::vector<Reading> all_readings(std::string_view bytes) {
  std::vector<Reading> readings;
  for (Encoding e : kLegacy) {
    std::optional<Reading> r = e == Encoding::kTcvn3 ? read_tcvn3(bytes)
                                                     : legacy::read_as(e, bytes, legacy::Words::kNonAscii);
    readings.push_back(r ? std::move(*r) : Reading{e, legacy::cp1252_to_utf8(bytes), {}});
  }
  std::string latin = legacy::cp1252_to_utf8(bytes);
  const SyllableScore score = legacy::score_syllables(latin, legacy::Words::kNonAscii);
  readings.push_back(Reading{Encoding::kUnicode, std::move(latin), score});
  return readings;
}

bool same_score(const SyllableScore& a, const SyllableScore& b) {
  return !legacy::more_vietnamese(a, b) && !legacy::more_vietnamese(b, a);
}

// A valid UTF-8 line: repair_run, or a legacy reading of its bytes when clearly better (a legacy
// line can happen to be valid UTF-8).
void decide_utf8(Line& line) {
  Repaired repaired = repair_run(line.bytes);
  if (repaired.encoding != Encoding::kUnicode || is_ascii(line.bytes)) {
    line.text = std::move(repaired.text);
    line.encoding = repaired.encoding;
    return;
  }
  const SyllableScore as_utf8 = legacy::score_syllables(line.bytes, legacy::Words::kNonAscii);
  std::optional<Reading> best;
  for (Encoding e : kLegacy) {
    std::optional<Reading> r = legacy::read_as(e, line.bytes, legacy::Words::kNonAscii);
    if (r && (!best || legacy::more_vietnamese(r->score, best->score))) best = std::move(r);
  }
  if (best && legacy::clearly_better(best->score, as_utf8) && best->score.valid > as_utf8.valid) {
    line.text = std::move(best->text);
    line.encoding = best->encoding;
  } else {
    line.text = std::move(repaired.text);
  }
}

// An invalid line: the reading with most valid syllables, or the tie kept for the second pass.
void decide_bytes(Line& line) {
  std::vector<Reading> readings = all_readings(line.bytes);
  size_t best = 0;
  for (size_t i = 1; i < readings.size(); ++i) {
    if (legacy::more_vietnamese(readings[i].score, readings[best].score)) best = i;
  }
  std::vector<Reading> tied;
  for (Reading& r : readings) {
    if (same_score(r.score, readings[best].score)) tied.push_back(std::move(r));
  }
  if (tied.size() == 1) {
    line.text = std::move(tied[0].text);
    line.encoding = tied[0].encoding;
  } else {
    line.tied = std::move(tied);
  }
}

// Second pass: the dominant encoding if tied, else the first legacy reading in order when it has
// any valid syllable, else cp1252 (tied lists keep the order of all_readings).
void decide_tie(Line& line, std::optional<Encoding> dominant) {
  const Reading* pick = nullptr;
  for (const Reading& r : line.tied) {
    if (dominant && r.encoding == *dominant) pick = &r;
  }
  if (pick == nullptr) {
    pick = line.tied[0].score.valid > 0 ? &line.tied.front() : &line.tied.back();
  }
  line.text = pick->text;
  line.encoding = pick->encoding;
  line.tied.clear();
}

std::vector<Line> split_lines(std::string_view bytes) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start < bytes.size()) {
    const size_t end = bytes.find('\n', start);
    Line line;
    line.bytes = bytes.substr(start, end == std::string_view::npos ? end : end - start);
    line.newline = end != std::string_view::npos;
    lines.push_back(std::move(line));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

DecodedBytes decode_legacy_bytes(std::string_view bytes, std::optional<Encoding> forced) {
  std::vector<Line> lines = split_lines(bytes);
  std::map<Encoding, size_t> clear_wins;
  for (Line& line : lines) {
    if (forced == Encoding::kTcvn3) {
      std::optional<Reading> r = read_tcvn3(line.bytes);
      line.text = r ? std::move(r->text) : legacy::cp1252_to_utf8(line.bytes);
      line.encoding = *forced;
    } else if (forced) {
      std::optional<std::string> text = legacy::decode_with(*forced, line.bytes);
      line.text = text ? std::move(*text) : legacy::cp1252_to_utf8(line.bytes);
      line.encoding = *forced;
    } else if (text::valid_utf8(line.bytes)) {
      decide_utf8(line);
    } else {
      decide_bytes(line);
      if (line.tied.empty() && line.encoding != Encoding::kUnicode) ++clear_wins[line.encoding];
    }
  }
  std::optional<Encoding> dominant;
  for (const auto& [encoding, wins] : clear_wins) {
    if (!dominant || wins > clear_wins.at(*dominant)) dominant = encoding;
  }

  DecodedBytes out;
  out.text.reserve(bytes.size() + bytes.size() / 2);
  std::map<Encoding, size_t> counts;
  for (Line& line : lines) {
    if (!line.tied.empty()) decide_tie(line, dominant);
    // A line that reads as its bytes (ASCII, say) was not converted.
    if (line.text == line.bytes) line.encoding = Encoding::kUnicode;
    ++counts[line.encoding];
    out.text += line.text;
    if (line.newline) out.text.push_back('\n');
  }
  for (const auto& [encoding, n] : counts) out.lines_by_encoding.emplace_back(encoding, n);
  return out;
}

}  // namespace vankho::formats
