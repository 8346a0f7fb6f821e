#include "letters.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <vector>

#include "utf8.h"

namespace vankho::text {
namespace {

constexpr char32_t kCombGrave = 0x0300, kCombAcute = 0x0301, kCombCircumflex = 0x0302,
                   kCombTilde = 0x0303, kCombBreve = 0x0306, kCombHook = 0x0309,
                   kCombHorn = 0x031B, kCombDot = 0x0323;

// Sets the Vietnamese mark a combining character stands for; false if it is not one of ours.
bool apply_combining(char32_t c, Letter& l) {
  switch (c) {
    case kCombGrave: l.tone = Tone::kGrave; return true;
    case kCombAcute: l.tone = Tone::kAcute; return true;
    case kCombHook: l.tone = Tone::kHook; return true;
    case kCombTilde: l.tone = Tone::kTilde; return true;
    case kCombDot: l.tone = Tone::kDot; return true;
    case kCombCircumflex: l.mark = VowelMark::kCircumflex; return true;
    case kCombBreve: l.mark = VowelMark::kBreve; return true;
    case kCombHorn: l.mark = VowelMark::kHorn; return true;
    default: return false;
  }
}

char32_t combining_for(VowelMark m) {
  switch (m) {
    case VowelMark::kCircumflex: return kCombCircumflex;
    case VowelMark::kBreve: return kCombBreve;
    case VowelMark::kHorn: return kCombHorn;
    case VowelMark::kNone: return 0;
  }
  return 0;
}

char32_t combining_for(Tone t) {
  switch (t) {
    case Tone::kGrave: return kCombGrave;
    case Tone::kAcute: return kCombAcute;
    case Tone::kHook: return kCombHook;
    case Tone::kTilde: return kCombTilde;
    case Tone::kDot: return kCombDot;
    case Tone::kNone: return 0;
  }
  return 0;
}

// Invisible inside a word and removed: soft hyphen, ZWNJ, ZWJ, word joiner, BOM. (The zero-width
// space is not among them: it marks a word boundary, so it separates like a space.)
bool is_ignorable(char32_t cp) {
  return cp == 0x00AD || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

bool is_dash(char32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 ||
         cp == 0xFF0D;
}

// The canonical decomposition of `cp` (full: U+0344 is U+0308 U+0301), `cp` itself when it has
// none; empty if ICU fails.
icu::UnicodeString decomposition_of(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString decomposition;
  if (!nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) {
    decomposition = icu::UnicodeString(static_cast<UChar32>(cp));
  }
  return decomposition;
}

CharInfo compute_info(char32_t cp) {
  CharInfo info;
  if (is_ignorable(cp)) return {CharKind::kIgnorable, false, {}};
  if (is_dash(cp)) return {CharKind::kDash, false, {}};
  if (cp == '\n' || cp == '\t' || cp == '\v' || cp == '\f' || cp == 0x200B || u_isUWhiteSpace(cp) ||
      u_charType(cp) == U_SPACE_SEPARATOR) {
    return {CharKind::kSpace, false, {}};
  }
  if (cp == 0x00D0 || cp == 0x00F0 || cp == 0x0110 || cp == 0x0111) {  // Ð ð Đ đ are all đ
    return {CharKind::kLetter, true, {kDStroke, VowelMark::kNone, Tone::kNone}};
  }
  const int8_t type = u_charType(cp);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
    // By its canonical decomposition, as NFC reads it: U+0340 and U+0341 are the grave and acute
    // tone marks U+0300 and U+0301 (else `1` + U+0340 would normalize apart from `1` + U+0300).
    info.kind = CharKind::kCombining;
    const icu::UnicodeString marks = decomposition_of(cp);
    info.vietnamese = !marks.isEmpty();
    for (int32_t i = 0; i < marks.length(); i = marks.moveIndex32(i, 1)) {
      if (!apply_combining(static_cast<char32_t>(marks.char32At(i)), info.letter)) {
        info.vietnamese = false;
      }
    }
    return info;
  }
  if (u_isdigit(cp)) {
    info.kind = CharKind::kDigit;
    info.vietnamese = cp >= '0' && cp <= '9';
    return info;
  }
  if (!u_isalpha(cp)) return info;
  info.kind = CharKind::kLetter;
  const icu::UnicodeString decomposition = decomposition_of(cp);
  if (decomposition.isEmpty()) return info;
  const UChar32 base = u_tolower(decomposition.char32At(0));
  if (base < 'a' || base > 'z') return info;
  info.letter.base = static_cast<char32_t>(base);
  info.vietnamese = true;
  for (int32_t i = decomposition.moveIndex32(0, 1); i < decomposition.length();
       i = decomposition.moveIndex32(i, 1)) {
    if (!apply_combining(static_cast<char32_t>(decomposition.char32At(i)), info.letter)) {
      info.vietnamese = false;
    }
  }
  return info;
}

constexpr char32_t kTableEnd = 0x2100;  // Latin, combining marks, Latin Extended Additional, spaces

struct Tables {
  std::vector<CharInfo> info;                       // indexed by code point below kTableEnd
  std::array<std::array<std::array<char32_t, 6>, 4>, 26> composed{};  // [base][mark][tone]
  Tables() : info(kTableEnd) {
    for (char32_t cp = 0; cp < kTableEnd; ++cp) info[cp] = compute_info(cp);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    for (int b = 0; b < 26; ++b) {
      for (int m = 0; m < 4; ++m) {
        for (int t = 0; t < 6; ++t) {
          icu::UnicodeString s(static_cast<UChar32>('a' + b));
          if (const char32_t c = combining_for(static_cast<VowelMark>(m))) s.append(UChar32(c));
          if (const char32_t c = combining_for(static_cast<Tone>(t))) s.append(UChar32(c));
          UErrorCode st = U_ZERO_ERROR;
          const icu::UnicodeString n = nfc->normalize(s, st);
          composed[b][m][t] =
              (U_SUCCESS(st) && n.countChar32() == 1) ? static_cast<char32_t>(n.char32At(0)) : 0;
        }
      }
    }
  }
};

const Tables& tables() {
  static const Tables t;  // thread-safe one-time initialisation
  return t;
}

}  // namespace

CharInfo char_info(char32_t cp) {
  if (cp < kTableEnd) return tables().info[cp];
  return compute_info(cp);
}

char32_t compose(const Letter& l) {
  if (l.base == kDStroke) return l.tone == Tone::kNone ? kDStroke : 0;
  if (l.base < 'a' || l.base > 'z') return 0;
  return tables().composed[l.base - 'a'][static_cast<int>(l.mark)][static_cast<int>(l.tone)];
}

bool append_letter(std::string& out, const Letter& l) {
  if (const char32_t c = compose(l)) {
    append_utf8(out, c);
    return true;
  }
  append_utf8(out, l.base);
  if (const char32_t c = combining_for(l.mark)) append_utf8(out, c);
  if (const char32_t c = combining_for(l.tone)) append_utf8(out, c);
  return false;
}

}  // namespace vankho::text
