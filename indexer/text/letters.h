// The character table under every stage: what a code point is to the analyzer (letter, digit,
// space, dash, ignorable, combining mark) and, for Vietnamese letters, its decomposition into a
// lowercase base, a vowel mark and a tone. Built once from ICU's data; lookups are array reads.
#pragma once

#include <cstdint>
#include <string>

namespace vankho::text {

enum class VowelMark : uint8_t { kNone, kCircumflex, kBreve, kHorn };
enum class Tone : uint8_t { kNone, kGrave, kAcute, kHook, kTilde, kDot };

// A Vietnamese letter: base is 'a'..'z' or U+0111 (đ); marks are what the letter carries.
struct Letter {
  char32_t base = 0;
  VowelMark mark = VowelMark::kNone;
  Tone tone = Tone::kNone;
};

enum class CharKind : uint8_t {
  kOther,       // punctuation, symbols, controls
  kSpace,       // any Unicode space (NBSP, zero-width space included) and line breaks
  kDash,        // - and its variants (‐ ‑ ‒ – — −)
  kIgnorable,   // joiners (ZWJ, ZWNJ, word joiner), BOM and the soft hyphen: removed
  kLetter,      // alphabetic
  kDigit,       // decimal digit
  kCombining,   // a combining mark (NFD input)
};

struct CharInfo {
  CharKind kind = CharKind::kOther;
  // True when `letter` describes the character completely: a Latin letter whose marks are only
  // Vietnamese ones, or a combining Vietnamese mark (then letter.base is 0). Others take ICU's path.
  bool vietnamese = false;
  Letter letter;
};

[[nodiscard]] CharInfo char_info(char32_t cp);

// Precomposed lowercase code point for a letter, or 0 when Unicode has none (e.g. a consonant with
// a tone); then the caller emits base + combining marks and composes with ICU.
[[nodiscard]] char32_t compose(const Letter& letter);

// Appends the letter as UTF-8; returns false if it had to be written decomposed.
bool append_letter(std::string& out, const Letter& letter);

[[nodiscard]] inline bool is_vowel(char32_t base) {
  return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

inline constexpr char32_t kDStroke = 0x0111;  // đ

}  // namespace vankho::text
