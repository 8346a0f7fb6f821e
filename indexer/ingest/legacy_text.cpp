#include "legacy_text.h"

#include <map>

#include "decode.h"
#include "utf8.h"

namespace vankho::ingest {
namespace {

using Counts = std::map<formats::Encoding, size_t>;

std::vector<std::string> describe(const Counts& lines) {
  std::vector<std::string> out;
  for (const auto& [encoding, count] : lines) {
    if (encoding == formats::Encoding::kUnicode || count == 0) continue;
    std::string name(formats::encoding_name(encoding));
    for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    out.push_back(name + ": " + std::to_string(count) + (count == 1 ? " line" : " lines"));
  }
  return out;
}

// Whether a line that is not valid UTF-8 is mostly UTF-8 characters (a UTF-8 text with a few
// damaged bytes, read as UTF-8 with the damage replaced) rather than 8-bit text, in which a pair
// of bytes can happen to form a UTF-8 character (TCVN3 "\xC3\xA0").
bool mostly_utf8(std::string_view line) {
  size_t characters = 0, damaged = 0;
  for (size_t i = 0; i < line.size();) {
    const text::CodePoint cp = text::next_code_point(line, i);
    if (cp.length > 1) ++characters;
    if (cp.value == text::kReplacementChar && cp.length == 1) ++damaged;
    i += cp.length;
  }
  return characters > 0 && characters >= damaged;
}

class Decoder {
 public:
  Decoder(std::optional<formats::Encoding> forced, LegacyText& out) : forced_(forced), out_(out) {}

  void line(std::string_view line) {
    if (text::valid_utf8(line) || mostly_utf8(line) || forced_ == formats::Encoding::kUnicode) {
      flush();
      utf8_line(line);
    } else {
      if (!eight_bit_.empty()) eight_bit_.push_back('\n');
      eight_bit_.append(line);
      ++eight_bit_lines_;
    }
  }

  // Ends the input; returns what was converted.
  Counts finish() {
    flush();
    return std::move(converted_);
  }

 private:
  void utf8_line(std::string_view line) {
    separate();
    if (!text::valid_utf8(line)) {
      const text::DecodedText d = text::decode(line);
      out_.invalid += d.invalid_sequences;
      out_.text.append(d.text);
      return;
    }
    // Legacy text shown through Latin letters (a file someone converted byte by byte).
    formats::Repaired r = formats::repair_run(line, std::nullopt, forced_);
    if (r.encoding != formats::Encoding::kUnicode) ++converted_[r.encoding];
    out_.text.append(r.text);
  }

  // A run of 8-bit lines decoded together, so that an undecided line follows the encoding its
  // neighbours are in. Lines no legacy encoding reads as Vietnamese come back as Windows-1252.
  void flush() {
    if (eight_bit_lines_ == 0) return;
    separate();
    formats::DecodedBytes d = formats::decode_legacy_bytes(eight_bit_, forced_);
    for (const auto& [encoding, count] : d.lines_by_encoding) {
      if (encoding == formats::Encoding::kUnicode) {
        out_.unrecognised_lines += count;
      } else {
        converted_[encoding] += count;
      }
    }
    out_.text.append(d.text);
    eight_bit_.clear();
    eight_bit_lines_ = 0;
  }

  void separate() {
    if (started_) out_.text.push_back('\n');
    started_ = true;
  }

  std::optional<formats::Encoding> forced_;
  LegacyText& out_;
  Counts converted_;
  std::string eight_bit_;
  size_t eight_bit_lines_ = 0;
  bool started_ = false;
};

}  // namespace

LegacyText decode_text_file(std::string_view bytes, std::optional<formats::Encoding> forced) {
  LegacyText out;
  out.text.reserve(bytes.size());
  Decoder decoder(forced, out);
  // Line by line: a document often has a Unicode header above a body typed in a legacy font.
  for (size_t from = 0; from <= bytes.size();) {
    const size_t end = std::min(bytes.find('\n', from), bytes.size());
    decoder.line(bytes.substr(from, end - from));
    from = end + 1;
  }
  out.conversions = describe(decoder.finish());
  return out;
}

}  // namespace vankho::ingest
