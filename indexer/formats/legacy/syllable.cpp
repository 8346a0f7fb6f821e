// Written by hand: Debian has no library that checks Vietnamese syllable structure (ICU knows
// characters, not syllables; no Vietnamese hunspell dictionary is packaged here), and a compact
// rule set is all detection needs: a legacy text read with the wrong encoding yields words that
// break these rules (tones on consonants, "ieo", "ngha", grave tones on -t, mixed case).
#include "syllable.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "legacy_encoding.h"
#include "letters.h"
#include "utf8.h"

namespace vankho::formats::legacy {
namespace {

using text::CharKind;
using text::Letter;
using text::Tone;
using text::VowelMark;

// The longest syllables: "nghiêng" (onset 3 + vowels 2 + coda 2), "khuỷu", "nguyễn".
constexpr size_t kMaxLetters = 8;

enum class Rhyme : uint8_t {
  kOpen,    // ends the syllable: no final consonant ("ia", "ươi", "ai")
  kClosed,  // needs a final consonant ("ă", "iê", "ươ")
  kBoth,
};

// Vowels as small numbers (Telex names: aw ă, aa â, ee ê, oo ô, ow ơ, uw ư), so that a sequence of
// up to three is a 12-bit key: lookups without string compares (this runs on every run that
// holds only Latin-1 letters).
enum Vowel : uint8_t { kNoVowel, kA, kAw, kAa, kE, kEe, kI, kO, kOo, kOw, kU, kUw, kY };

constexpr uint16_t key(uint8_t a, uint8_t b = kNoVowel, uint8_t c = kNoVowel) {
  return static_cast<uint16_t>(a | b << 4 | c << 8);
}

struct Nucleus {
  uint16_t vowels;
  Rhyme rhyme;
  bool rare = false;  // in a handful of words (khuya, khuỷu, ngoao, ngoẹo, nguều, thuở, xoong)
};

// Vowel sequences of Vietnamese rhymes (final glides i/y/o/u included), after the onsets qu and gi
// have taken their u and i.
constexpr std::array<Nucleus, 56> kNuclei = {{
    {key(kA), Rhyme::kBoth},                 // a
    {key(kAw), Rhyme::kClosed},              // ă
    {key(kAa), Rhyme::kClosed},              // â
    {key(kE), Rhyme::kBoth},                 // e
    {key(kEe), Rhyme::kBoth},                // ê
    {key(kI), Rhyme::kBoth},                 // i
    {key(kO), Rhyme::kBoth},                 // o
    {key(kOo), Rhyme::kBoth},                // ô
    {key(kOw), Rhyme::kBoth},                // ơ
    {key(kU), Rhyme::kBoth},                 // u
    {key(kUw), Rhyme::kBoth},                // ư
    {key(kY), Rhyme::kBoth},                 // y
    {key(kA, kI), Rhyme::kOpen},             // ai
    {key(kA, kO), Rhyme::kOpen},             // ao
    {key(kA, kU), Rhyme::kOpen},             // au
    {key(kA, kY), Rhyme::kOpen},             // ay
    {key(kAa, kU), Rhyme::kOpen},            // âu
    {key(kAa, kY), Rhyme::kOpen},            // ây
    {key(kE, kO), Rhyme::kOpen},             // eo
    {key(kEe, kU), Rhyme::kOpen},            // êu
    {key(kI, kA), Rhyme::kOpen},             // ia
    {key(kI, kU), Rhyme::kOpen},             // iu
    {key(kO, kI), Rhyme::kOpen},             // oi
    {key(kOo, kI), Rhyme::kOpen},            // ôi
    {key(kOw, kI), Rhyme::kOpen},            // ơi
    {key(kU, kA), Rhyme::kOpen},             // ua
    {key(kU, kI), Rhyme::kOpen},             // ui
    {key(kUw, kA), Rhyme::kOpen},            // ưa
    {key(kUw, kI), Rhyme::kOpen},            // ưi
    {key(kUw, kU), Rhyme::kOpen},            // ưu
    {key(kU, kOw), Rhyme::kOpen, true},      // uơ
    {key(kO, kO), Rhyme::kClosed, true},     // oo
    {key(kI, kEe), Rhyme::kClosed},          // iê
    {key(kY, kEe), Rhyme::kClosed},          // yê
    {key(kU, kOo), Rhyme::kClosed},          // uô
    {key(kUw, kOw), Rhyme::kClosed},         // ươ
    {key(kO, kA), Rhyme::kBoth},             // oa
    {key(kO, kAw), Rhyme::kClosed},          // oă
    {key(kO, kE), Rhyme::kBoth},             // oe
    {key(kU, kAa), Rhyme::kClosed},          // uâ
    {key(kU, kEe), Rhyme::kBoth},            // uê
    {key(kU, kY), Rhyme::kBoth},             // uy
    {key(kI, kEe, kU), Rhyme::kOpen},        // iêu
    {key(kY, kEe, kU), Rhyme::kOpen},        // yêu
    {key(kO, kA, kI), Rhyme::kOpen},         // oai
    {key(kO, kA, kO), Rhyme::kOpen, true},   // oao
    {key(kO, kA, kY), Rhyme::kOpen},         // oay
    {key(kO, kE, kO), Rhyme::kOpen, true},   // oeo
    {key(kU, kAa, kY), Rhyme::kOpen},        // uây
    {key(kU, kOo, kI), Rhyme::kOpen},        // uôi
    {key(kUw, kOw, kI), Rhyme::kOpen},       // ươi
    {key(kUw, kOw, kU), Rhyme::kOpen},       // ươu
    {key(kU, kY, kA), Rhyme::kOpen, true},   // uya
    {key(kU, kY, kU), Rhyme::kOpen, true},   // uyu
    {key(kU, kY, kEe), Rhyme::kClosed},      // uyê
    {key(kU, kEe, kU), Rhyme::kOpen, true},  // uêu
}};

// Index into kNuclei by key, -1 for none.
struct NucleusIndex {
  std::array<int8_t, 4096> at{};
  constexpr NucleusIndex() {
    for (int8_t& a : at) a = -1;
    for (size_t n = 0; n < kNuclei.size(); ++n) at[kNuclei[n].vowels] = static_cast<int8_t>(n);
  }
};
constexpr NucleusIndex kNucleusIndex;

// Consonant clusters packed into an integer, đ as 'D'.
constexpr uint32_t pack(std::string_view s) {
  uint32_t p = 0;
  for (size_t i = 0; i < s.size(); ++i)
    p |= static_cast<uint32_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  return p;
}

// Onsets; "q" only as "qu" and "gi" before a vowel are handled by the parser.
constexpr std::array<uint32_t, 27> kOnsets = {
    pack("b"),  pack("c"),   pack("ch"), pack("d"),  pack("D"),  pack("g"),  pack("gh"),
    pack("gi"), pack("h"),   pack("k"),  pack("kh"), pack("l"),  pack("m"),  pack("n"),
    pack("ng"), pack("ngh"), pack("nh"), pack("p"),  pack("ph"), pack("qu"), pack("r"),
    pack("s"),  pack("t"),   pack("th"), pack("tr"), pack("v"),  pack("x")};

Vowel vowel_of(const Letter& l) {
  switch (l.base) {
    case 'a':
      return l.mark == VowelMark::kBreve ? kAw : l.mark == VowelMark::kCircumflex ? kAa : kA;
    case 'e':
      return l.mark == VowelMark::kCircumflex ? kEe : kE;
    case 'i':
      return kI;
    case 'o':
      return l.mark == VowelMark::kCircumflex ? kOo : l.mark == VowelMark::kHorn ? kOw : kO;
    case 'u':
      return l.mark == VowelMark::kHorn ? kUw : kU;
    case 'y':
      return kY;
    default:
      return kNoVowel;
  }
}

struct Glyph {
  Letter letter;
  bool upper = false;
};

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) != 0;
}

// Reads `word` into letters, folding combining marks into the letter before them. False when the
// word holds anything else than Vietnamese letters, or too many of them.
bool read_glyphs(std::string_view word, std::array<Glyph, kMaxLetters>& out, size_t& n) {
  n = 0;
  for (size_t pos = 0; pos < word.size();) {
    const text::CodePoint cp = text::next_code_point(word, pos);
    pos += cp.length;
    const text::CharInfo info = text::char_info(cp.value);
    if (info.kind == CharKind::kCombining) {
      if (!info.vietnamese || n == 0) return false;
      Letter& l = out[n - 1].letter;
      if (info.letter.tone != Tone::kNone) {
        if (l.tone != Tone::kNone) return false;
        l.tone = info.letter.tone;
      }
      if (info.letter.mark != VowelMark::kNone) {
        if (l.mark != VowelMark::kNone) return false;
        l.mark = info.letter.mark;
      }
      continue;
    }
    if (info.kind != CharKind::kLetter || !info.vietnamese || n == kMaxLetters) return false;
    out[n++] = Glyph{info.letter, is_upper(cp.value)};
  }
  return n > 0;
}

// lower, UPPER or Title.
bool case_ok(const std::array<Glyph, kMaxLetters>& g, size_t n) {
  if (n < 2) return true;
  const bool rest_upper = g[1].upper;
  for (size_t i = 2; i < n; ++i) {
    if (g[i].upper != rest_upper) return false;
  }
  return !rest_upper || g[0].upper;
}

// Marks only where Vietnamese writes them; at most one tone, on a vowel. Sets `tone` and the
// index of the letter that carries it (n when none).
bool marks_ok(const std::array<Glyph, kMaxLetters>& g, size_t n, Tone& tone, size_t& toned) {
  tone = Tone::kNone;
  toned = n;
  for (size_t i = 0; i < n; ++i) {
    const Letter& l = g[i].letter;
    if (!text::is_vowel(l.base)) {
      if (l.mark != VowelMark::kNone || l.tone != Tone::kNone) return false;
      continue;
    }
    switch (l.mark) {
      case VowelMark::kCircumflex:
        if (l.base != 'a' && l.base != 'e' && l.base != 'o') return false;
        break;
      case VowelMark::kBreve:
        if (l.base != 'a') return false;
        break;
      case VowelMark::kHorn:
        if (l.base != 'o' && l.base != 'u') return false;
        break;
      case VowelMark::kNone:
        break;
    }
    if (l.tone != Tone::kNone) {
      if (tone != Tone::kNone) return false;
      tone = l.tone;
      toned = i;
    }
  }
  return true;
}

}  // namespace

SyllableKind classify_syllable(std::string_view word) {
  std::array<Glyph, kMaxLetters> g;
  size_t n = 0;
  Tone tone = Tone::kNone;
  size_t toned = 0;
  if (!read_glyphs(word, g, n) || !case_ok(g, n) || !marks_ok(g, n, tone, toned)) {
    return SyllableKind::kInvalid;
  }

  // Onset: the consonants before the first vowel, then qu and gi.
  size_t i = 0;
  uint32_t onset = 0;
  for (; i < n && !text::is_vowel(g[i].letter.base); ++i) {
    if (i == 3) return SyllableKind::kInvalid;
    const char32_t b = g[i].letter.base;
    onset |= static_cast<uint32_t>(b == text::kDStroke ? 'D' : b) << (8 * i);
  }
  if (i == n) return SyllableKind::kInvalid;
  const auto plain = [&](size_t k, char32_t base) {
    return k < n && g[k].letter.base == base && g[k].letter.mark == VowelMark::kNone;
  };
  if (onset == pack("q")) {
    if (!plain(i, 'u') || i + 1 == n) return SyllableKind::kInvalid;
    onset = pack("qu");
    ++i;
  } else if (onset == pack("g") && plain(i, 'i') && i + 1 < n &&
             text::is_vowel(g[i + 1].letter.base)) {
    onset = pack("gi");
    ++i;
  }
  if (onset != 0 && std::find(kOnsets.begin(), kOnsets.end(), onset) == kOnsets.end()) {
    return SyllableKind::kInvalid;
  }

  // Vowels, then the final consonants.
  const size_t first_vowel = i;
  uint16_t vowels = 0;
  for (int shift = 0; i < n && text::is_vowel(g[i].letter.base); ++i, shift += 4) {
    if (shift == 12) return SyllableKind::kInvalid;
    vowels = static_cast<uint16_t>(vowels | vowel_of(g[i].letter) << shift);
  }
  uint32_t coda = 0;
  for (int shift = 0; i < n; ++i, shift += 8) {
    const char32_t b = g[i].letter.base;
    if (shift == 16 || text::is_vowel(b) || b == text::kDStroke) return SyllableKind::kInvalid;
    coda |= static_cast<uint32_t>(b) << shift;
  }
  const int8_t index = kNucleusIndex.at[vowels];
  if (index < 0) return SyllableKind::kInvalid;
  const Nucleus& nucleus = kNuclei[static_cast<size_t>(index)];
  if (coda == 0) {
    if (nucleus.rhyme == Rhyme::kClosed) return SyllableKind::kInvalid;
    // A final glide (ai, ao, êu, ươi, ...) never carries the tone, in old style or new: "cái",
    // not "caí" (what VNI's "eá" reads as in TCVN3: "eỏ").
    const Letter& last = g[i - 1].letter;
    const bool glide =
        i - first_vowel >= 2 && last.mark == VowelMark::kNone &&
        (last.base == 'i' || last.base == 'y' || last.base == 'o' || last.base == 'u');
    if (nucleus.rhyme == Rhyme::kOpen && glide && toned == i - 1) return SyllableKind::kInvalid;
  } else {
    if (nucleus.rhyme == Rhyme::kOpen) return SyllableKind::kInvalid;
    const bool stop =
        coda == pack("c") || coda == pack("ch") || coda == pack("p") || coda == pack("t");
    const bool nasal =
        coda == pack("m") || coda == pack("n") || coda == pack("ng") || coda == pack("nh");
    if (!stop && !nasal) return SyllableKind::kInvalid;
    if ((coda == pack("ch") || coda == pack("nh")) && vowels != key(kA) && vowels != key(kO, kA) &&
        vowels != key(kEe) && vowels != key(kU, kEe) && vowels != key(kI) && vowels != key(kY) &&
        vowels != key(kU, kY)) {
      return SyllableKind::kInvalid;
    }
    if ((coda == pack("c") || coda == pack("ng")) &&
        (vowels == key(kI) || vowels == key(kY) || vowels == key(kU, kY))) {
      return SyllableKind::kInvalid;
    }
    // A stop final takes only the acute or the dot tone (or none: typed without marks).
    if (stop && tone != Tone::kNone && tone != Tone::kAcute && tone != Tone::kDot) {
      return SyllableKind::kInvalid;
    }
  }

  // Spelling: k, gh, ngh before i e ê y; c, g, ng elsewhere (g before i is "gi" merged: gì, gìn).
  const Vowel front = static_cast<Vowel>(vowels & 0xF);
  const bool is_front = front == kI || front == kE || front == kEe || front == kY;
  if ((onset == pack("k") || onset == pack("gh") || onset == pack("ngh")) && !is_front) {
    return SyllableKind::kInvalid;
  }
  if ((onset == pack("c") || onset == pack("ng")) && is_front) return SyllableKind::kInvalid;
  if (onset == pack("g") && (front == kE || front == kEe || front == kY)) {
    return SyllableKind::kInvalid;
  }
  // qu has its glide: no "quo", "quu", "quư" (VNI's "quoác" read as it stands).
  if (onset == pack("qu") && (front == kO || front == kU || front == kUw)) {
    return SyllableKind::kInvalid;
  }
  return nucleus.rare ? SyllableKind::kRare : SyllableKind::kValid;
}

bool is_vietnamese_syllable(std::string_view word) {
  return classify_syllable(word) != SyllableKind::kInvalid;
}

}  // namespace vankho::formats::legacy
