#include "tone.h"

#include <cstddef>

namespace vankho::text {
namespace {

bool is_vowel_letter(const Letter& l) { return is_vowel(l.base); }

// Index where the vowel nucleus starts: after the initial consonants, treating the `qu` and `gi`
// onsets as consonants when a vowel follows them (`quý`, `già`; but `gì` has the vowel `i`).
size_t nucleus_start(std::span<const Letter> s) {
  size_t i = 0;
  while (i < s.size() && !is_vowel_letter(s[i])) ++i;
  const bool vowel_follows = i + 1 < s.size() && is_vowel_letter(s[i + 1]);
  if (i == 1 && vowel_follows && s[0].base == 'q' && s[1].base == 'u') return 2;
  if (i == 1 && vowel_follows && s[0].base == 'g' && s[1].base == 'i') return 2;
  return i;
}

bool is_pair(std::span<const Letter> v, char a, char b) {
  return v[0].base == static_cast<char32_t>(a) && v[1].base == static_cast<char32_t>(b);
}

// Which vowel of the nucleus carries the tone.
size_t tone_vowel(std::span<const Letter> nucleus, bool has_coda) {
  size_t marked = nucleus.size();
  for (size_t i = 0; i < nucleus.size(); ++i) {
    if (nucleus[i].mark != VowelMark::kNone) marked = i;  // the last marked vowel: ươ → ơ
  }
  if (marked < nucleus.size()) return marked;
  if (has_coda) return nucleus.size() - 1;  // toàn, hoàng, huynh
  if (nucleus.size() == 1) return 0;
  if (nucleus.size() == 2) {
    // New style puts oa, oe, uy on the second vowel (hoà, khoẻ, thuỷ); others on the first (của).
    const bool second = is_pair(nucleus, 'o', 'a') || is_pair(nucleus, 'o', 'e') ||
                        is_pair(nucleus, 'u', 'y');
    return second ? 1 : 0;
  }
  return 1;  // three vowels: the middle one (xoài, khuỷu, khuya)
}

}  // namespace

void place_tone(std::span<Letter> s) {
  Tone tone = Tone::kNone;
  size_t tones = 0;
  for (const Letter& l : s) {
    if (l.tone != Tone::kNone) {
      tone = l.tone;
      ++tones;
    }
  }
  if (tones != 1) return;  // nothing to place, or not one syllable's worth of marks

  const size_t begin = nucleus_start(s);
  size_t end = begin;
  while (end < s.size() && is_vowel_letter(s[end])) ++end;
  if (begin == end || end - begin > 3 || s.size() - end > 2) return;
  for (size_t i = end; i < s.size(); ++i) {
    if (is_vowel_letter(s[i])) return;  // vowels after the coda: not one syllable
  }
  const size_t target = begin + tone_vowel(s.subspan(begin, end - begin), end < s.size());
  for (Letter& l : s) l.tone = Tone::kNone;
  s[target].tone = tone;
}

}  // namespace vankho::text
