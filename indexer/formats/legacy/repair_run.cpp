// repair_run: a Unicode run that may be legacy bytes shown through cp1252/Latin-1 characters.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <optional>
#include <string>
#include <utility>

#include "byte_view.h"
#include "converters.h"
#include "detect.h"
#include "legacy_encoding.h"
#include "syllable.h"
#include "utf8.h"
#include "viqr.h"

namespace vankho::formats {
namespace {

using legacy::Reading;
using legacy::RunShape;
using legacy::SyllableScore;

std::string upper_vietnamese(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  u.toUpper(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The converted text, upper-cased for an upper-case font of that encoding; kUnicode if nothing
// changed.
Repaired finish(std::string_view run, std::string text, Encoding encoding,
                const std::optional<FontHint>& hint) {
  if (hint && hint->upper_case && hint->encoding == encoding) text = upper_vietnamese(text);
  if (text == run) return Repaired{std::move(text), Encoding::kUnicode};
  return Repaired{std::move(text), encoding};
}

Repaired unchanged(std::string_view run) { return Repaired{std::string(run), Encoding::kUnicode}; }

// Forced: every stretch of characters that show bytes (ASCII only, for VIQR) is converted; other
// characters are kept as they are.
Repaired convert_forced(std::string_view run, Encoding encoding,
                        const std::optional<FontHint>& hint) {
  std::string out, bytes;
  bool failed = false;
  const auto flush = [&] {
    if (bytes.empty()) return;
    std::optional<std::string> text = legacy::decode_with(encoding, bytes);
    if (text) {
      out += *text;
    } else {
      failed = true;
    }
    bytes.clear();
  };
  for (size_t pos = 0; pos < run.size();) {
    const text::CodePoint cp = text::next_code_point(run, pos);
    const int b = legacy::byte_of(cp.value);
    if (b >= 0 && (encoding != Encoding::kViqr || b < 0x80)) {
      bytes.push_back(static_cast<char>(b));
    } else {
      flush();
      out.append(run.substr(pos, cp.length));
    }
    pos += cp.length;
  }
  flush();
  if (failed) return unchanged(run);
  return finish(run, legacy::to_nfc(std::move(out)), encoding, hint);
}

}  // namespace

Repaired repair_run(std::string_view run, std::optional<FontHint> hint,
                    std::optional<Encoding> forced) {
  if (forced) {
    if (*forced == Encoding::kUnicode) return unchanged(run);
    return convert_forced(run, *forced, hint);
  }
  const RunShape shape = legacy::classify_run(run);
  if (shape == RunShape::kUnicode) return unchanged(run);
  if (hint && hint->encoding == Encoding::kUnicode) hint.reset();
  if (shape == RunShape::kAscii) {
    // ASCII shows as itself in a legacy font; an upper-case font shows it upper-cased.
    if (hint) return finish(run, std::string(run), hint->encoding, hint);
    if (!legacy::looks_like_viqr(run)) return unchanged(run);
  }

  // Only words with a non-ASCII character read differently in TCVN3, VNI or CP1258; a VIQR word
  // is one word with its marks.
  const legacy::Words words =
      shape == RunShape::kAscii ? legacy::Words::kViqr : legacy::Words::kNonAscii;
  const SyllableScore as_is = legacy::score_syllables(run, words);
  // Without a hint, nothing can be clearly better than a run that already reads this well
  // ("Cà phê là gì").
  if (!hint && as_is.share() + legacy::kMinGain > 1.0) return unchanged(run);
  const std::string bytes = shape == RunShape::kAscii ? std::string(run) : legacy::to_bytes(run);
  if (hint) {
    std::optional<Reading> hinted = legacy::read_as(hint->encoding, bytes, words);
    if (hinted && hinted->score.share() + legacy::kHintSlack >= as_is.share()) {
      return finish(run, std::move(hinted->text), hint->encoding, hint);
    }
  }

  // Detection.
  if (as_is.share() + legacy::kMinGain > 1.0) return unchanged(run);
  std::optional<Reading> best;
  const auto consider = [&](Encoding encoding) {
    std::optional<Reading> r =
        legacy::read_as(encoding, bytes, encoding == Encoding::kViqr ? legacy::Words::kAll : words);
    if (r && (!best || legacy::more_vietnamese(r->score, best->score))) best = std::move(r);
  };
  if (shape == RunShape::kAscii) {
    consider(Encoding::kViqr);
  } else {
    // In order of how common they are; a reading with every word a plain syllable is not beaten.
    for (Encoding e : {Encoding::kTcvn3, Encoding::kVni, Encoding::kCp1258}) {
      consider(e);
      if (best && best->score.words > 0 && best->score.valid == best->score.words &&
          best->score.rare == 0) {
        break;
      }
    }
  }
  if (!best || !legacy::clearly_better(best->score, as_is)) return unchanged(run);
  return finish(run, std::move(best->text), best->encoding, hint);
}

}  // namespace vankho::formats
