// The syllable score of a text: its words (stretches between spaces and punctuation) and how many
// of them classify_syllable accepts.
#include <string_view>

#include "legacy_encoding.h"
#include "letters.h"
#include "syllable.h"
#include "utf8.h"

namespace vankho::formats::legacy {
namespace {

using text::CharKind;
using text::Tone;
using text::VowelMark;

bool is_viqr_mark(char32_t cp) {
  return cp == '^' || cp == '(' || cp == '+' || cp == '\'' || cp == '`' || cp == '?' || cp == '~' ||
         cp == '.';
}

bool is_separator(char32_t cp) {
  if (cp < 0x80) {
    return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  }
  if (cp >= 0x2000 && cp <= 0x206F) return true;  // general punctuation: quotes, dashes, …, •
  const CharKind kind = text::char_info(cp).kind;
  return kind == CharKind::kSpace || kind == CharKind::kDash;
}

// Letters only, none of them a vowel: an abbreviation ("NQ", "HĐND", "nđ"), never a syllable in
// any reading, so no evidence either way.
bool is_abbreviation(std::string_view word) {
  for (size_t pos = 0; pos < word.size();) {
    const text::CodePoint cp = text::next_code_point(word, pos);
    pos += cp.length;
    const text::CharInfo info = text::char_info(cp.value);
    if (info.kind != CharKind::kLetter || !info.vietnamese || text::is_vowel(info.letter.base) ||
        info.letter.mark != VowelMark::kNone || info.letter.tone != Tone::kNone) {
      return false;
    }
  }
  return true;
}

}  // namespace

SyllableScore score_syllables(std::string_view utf8, Words words) {
  SyllableScore score;
  size_t start = 0;
  bool has_letter = false, non_ascii = false;
  char32_t previous = ' ';
  const auto end_word = [&](size_t end) {
    if (has_letter && (words != Words::kNonAscii || non_ascii)) {
      const std::string_view word = utf8.substr(start, end - start);
      const SyllableKind kind = classify_syllable(word);
      if (kind != SyllableKind::kInvalid || !is_abbreviation(word)) ++score.words;
      if (kind != SyllableKind::kInvalid) ++score.valid;
      if (kind == SyllableKind::kRare) ++score.rare;
    }
    has_letter = non_ascii = false;
  };
  for (size_t pos = 0; pos < utf8.size();) {
    const text::CodePoint cp = text::next_code_point(utf8, pos);
    const bool in_word = words == Words::kViqr && is_viqr_mark(cp.value) &&
                         (is_viqr_mark(previous) || !is_separator(previous));
    if (!in_word && is_separator(cp.value)) {
      end_word(pos);
      start = pos + cp.length;
    } else {
      non_ascii = non_ascii || cp.value >= 0x80;
      has_letter =
          has_letter || (cp.value < 0x80 ? !(cp.value >= '0' && cp.value <= '9') && !in_word
                                         : text::char_info(cp.value).kind == CharKind::kLetter);
    }
    previous = in_word ? cp.value : (is_separator(cp.value) ? U' ' : cp.value);
    pos += cp.length;
  }
  end_word(utf8.size());
  return score;
}

}  // namespace vankho::formats::legacy

namespace vankho::formats {

double vietnamese_syllable_share(std::string_view utf8) {
  return legacy::score_syllables(utf8, legacy::Words::kAll).share();
}

}  // namespace vankho::formats
