// Written by hand. librecode has a VIQR step, but it gives a syllable a second tone ("tuo^?i." →
// "tuổị"), ignores RFC 1456's '\' escape and reads sentence punctuation after a vowel as a tone
// ("sao?" → "saỏ"); this decoder follows the RFC and the syllable rules, with the project's own
// letter table (letters.h) to compose. looks_like_viqr is a cheap one-pass pre-filter.
#include "viqr.h"

#include <unicode/uchar.h>

#include <cstddef>

#include "letters.h"
#include "syllable.h"
#include "utf8.h"

namespace vankho::formats::legacy {
namespace {

bool is_vowel(char c) {
  switch (c | 0x20) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

bool is_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Marks that VIQR writes after a vowel and ordinary text rarely does: ^ ( + ` ~ and '.
bool is_strong_mark(char c) {
  return c == '^' || c == '(' || c == '+' || c == '`' || c == '~' || c == '\'';
}

enum class Marked { kNo, kWeak, kStrong };

// Whether a word (between spaces) carries VIQR marks: strongly, a mark after a vowel with a letter
// or mark behind it ("Vie^.t", "ca?nh", "ta'c") or a "dd"; weakly, a word-final '.' or '?' after a
// vowel ("Nghi.", but also "idea." and "you?").
Marked marked(std::string_view w) {
  if (w.size() >= 2 && (w[0] | 0x20) == 'd' && (w[1] | 0x20) == 'd') return Marked::kStrong;
  bool weak = false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (!is_vowel(w[i - 1])) continue;
    if (is_strong_mark(w[i])) return Marked::kStrong;
    if (w[i] == '.' || w[i] == '?') {
      const bool more =
          i + 1 < w.size() && (is_letter(w[i + 1]) || is_strong_mark(w[i + 1]) || w[i + 1] == '.');
      if (more) return Marked::kStrong;
      weak = true;
    }
  }
  return weak ? Marked::kWeak : Marked::kNo;
}

bool is_mark(char c) { return is_strong_mark(c) || c == '.' || c == '?'; }

bool apply_modifier(char c, text::Letter& l) {
  const char32_t b = l.base;
  if (c == '^' && (b == 'a' || b == 'e' || b == 'o')) {
    l.mark = text::VowelMark::kCircumflex;
  } else if (c == '(' && b == 'a') {
    l.mark = text::VowelMark::kBreve;
  } else if (c == '+' && (b == 'o' || b == 'u')) {
    l.mark = text::VowelMark::kHorn;
  } else {
    return false;
  }
  return true;
}

text::Tone tone_of(char c) {
  switch (c) {
    case '\'':
      return text::Tone::kAcute;
    case '`':
      return text::Tone::kGrave;
    case '?':
      return text::Tone::kHook;
    case '~':
      return text::Tone::kTilde;
    case '.':
      return text::Tone::kDot;
    default:
      return text::Tone::kNone;
  }
}

void append_letter(std::string& out, const text::Letter& l, bool upper) {
  char32_t cp = text::compose(l);
  if (cp == 0) cp = l.base;  // never for vowels with Vietnamese marks
  if (upper) cp = static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp)));
  text::append_utf8(out, cp);
}

bool starts_lower(std::string_view word) {
  return !word.empty() && u_islower(static_cast<UChar32>(text::next_code_point(word, 0).value));
}

// What follows position `i` starts a new sentence: the end, or spaces then a capital or a digit.
bool before_sentence(std::string_view s, size_t i) {
  if (i == s.size()) return true;
  if (s[i] != ' ' && s[i] != '\t') return false;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i == s.size() || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9');
}

}  // namespace

std::string decode_viqr(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  size_t word_start = 0;  // in `out`
  bool toned = false;     // the current word has its tone
  const auto end_word = [&] {
    word_start = out.size();
    toned = false;
  };
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && (is_mark(s[i + 1]) || s[i + 1] == '\\')) {
      out.push_back(s[i + 1]);
      i += 2;
      end_word();
      continue;
    }
    // "dd" is đ anywhere in a word: document codes write "QDD", "HDDND", "NDD-CP".
    if ((c | 0x20) == 'd' && i + 1 < s.size() && (s[i + 1] | 0x20) == 'd') {
      text::append_utf8(out, c == 'D' ? 0x0110 : text::kDStroke);
      i += 2;
      continue;
    }
    if (!is_vowel(c)) {
      out.push_back(c);
      ++i;
      if (!is_letter(c)) end_word();
      continue;
    }
    const bool upper = c >= 'A' && c <= 'Z';
    text::Letter l{static_cast<char32_t>(c | 0x20), text::VowelMark::kNone, text::Tone::kNone};
    ++i;
    if (i < s.size() && apply_modifier(s[i], l)) ++i;
    if (i < s.size() && !toned && tone_of(s[i]) != text::Tone::kNone) {
      text::Letter with_tone = l;
      with_tone.tone = tone_of(s[i]);
      // A '.' or '?' ending the word may be punctuation: a tone only if the word is a syllable,
      // and a '.' ending a lower-case word before a capital, a digit or the end is a period
      // ("lý do. Trong", where an unescaped "do." is ambiguous; "vu.." is "vụ.").
      const bool ends_word = i + 1 == s.size() || !(is_letter(s[i + 1]) || is_mark(s[i + 1]));
      bool take = true;
      if (ends_word && (s[i] == '.' || s[i] == '?')) {
        std::string word = out.substr(word_start);
        append_letter(word, with_tone, upper);
        take = is_vietnamese_syllable(word);
        if (take && s[i] == '.' && starts_lower(word)) take = !before_sentence(s, i + 1);
      }
      if (take) {
        l = with_tone;
        toned = true;
        ++i;
      }
    }
    append_letter(out, l, upper);
  }
  return out;
}

bool looks_like_viqr(std::string_view ascii) {
  size_t words = 0, strong = 0, weak = 0;
  size_t start = 0;
  for (size_t i = 0; i <= ascii.size(); ++i) {
    if (i < ascii.size() && ascii[i] != ' ' && ascii[i] != '\t' && ascii[i] != '\n' &&
        ascii[i] != '\r') {
      continue;
    }
    const std::string_view w = ascii.substr(start, i - start);
    start = i + 1;
    bool letters = false;
    for (const char c : w) letters = letters || is_letter(c);
    if (!letters) continue;
    ++words;
    const Marked m = marked(w);
    if (m == Marked::kStrong) ++strong;
    if (m == Marked::kWeak) ++weak;
  }
  // One strong mark at least, two marked words ("VI.A" alone is a heading number), and a fifth
  // of the words: Vietnamese marks most of its words, English a few ("I'm", "e.g.").
  return strong >= 1 && strong + weak >= 2 && (strong + weak) * 5 >= words;
}

}  // namespace vankho::formats::legacy
