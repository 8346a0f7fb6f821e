#include "normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "fold.h"
#include "letters.h"
#include "spelling.h"
#include "tone.h"
#include "utf8.h"

namespace vankho::text {
namespace {

bool is_word_char(CharKind k) {
  return k == CharKind::kLetter || k == CharKind::kDigit || k == CharKind::kCombining ||
         k == CharKind::kIgnorable;
}

// Words with letters outside the Vietnamese table (other scripts, ç, ñ): ICU NFC and case folding.
void normalize_with_icu(std::string_view raw, std::string& norm) {
  std::string cleaned;
  for (size_t pos = 0; pos < raw.size();) {
    const CodePoint cp = next_code_point(raw, pos);
    if (char_info(cp.value).kind != CharKind::kIgnorable) cleaned.append(raw.substr(pos, cp.length));
    pos += cp.length;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(cleaned);
  s.foldCase();
  // Ð (U+00D0) is Đ here too: its fold ð (U+00F0) to đ, as the Vietnamese path reads it (else
  // `ſÐ` would be `sð`, and `sð` normalized again `sđ`).
  s.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x00F0)),
                   icu::UnicodeString(static_cast<UChar32>(0x0111)));
  if (U_SUCCESS(status)) s = nfc->normalize(s, status);
  norm.clear();
  s.toUTF8String(norm);
}

// The canonical form and fold of a word of Vietnamese letters (tones placed); false, and the
// outputs unspecified, when a letter or mark of `raw` is not one of them.
bool read_vietnamese(std::string_view raw, std::string& norm, std::string& folded) {
  norm.clear();
  folded.clear();

  thread_local std::vector<Letter> letters;
  letters.clear();
  bool vietnamese = true, has_digit = false, needs_nfc = false;
  for (size_t pos = 0; pos < raw.size() && vietnamese;) {
    const CodePoint cp = next_code_point(raw, pos);
    pos += cp.length;
    const CharInfo info = char_info(cp.value);
    switch (info.kind) {
      case CharKind::kIgnorable:
        break;
      case CharKind::kCombining:  // NFD input: the mark belongs to the previous letter
        if (!info.vietnamese || letters.empty() || letters.back().base == 0) {
          vietnamese = false;
        } else {
          if (info.letter.tone != Tone::kNone) letters.back().tone = info.letter.tone;
          if (info.letter.mark != VowelMark::kNone) letters.back().mark = info.letter.mark;
        }
        break;
      case CharKind::kDigit:
        if (!info.vietnamese) vietnamese = false;
        has_digit = true;
        letters.push_back({static_cast<char32_t>(cp.value), VowelMark::kNone, Tone::kNone});
        break;
      case CharKind::kLetter:
        if (!info.vietnamese) vietnamese = false;
        letters.push_back(info.letter);
        break;
      default:
        vietnamese = false;
    }
  }
  if (!vietnamese) return false;
  if (!has_digit) {
    place_tone(letters);
    canonical_spelling(letters);
  }
  for (const Letter& l : letters) {
    if (l.base < 0x80 && !(l.base >= 'a' && l.base <= 'z')) {
      norm.push_back(static_cast<char>(l.base));  // a digit
      folded.push_back(static_cast<char>(l.base));
      continue;
    }
    needs_nfc |= !append_letter(norm, l);
    folded.push_back(l.base == kDStroke ? 'd' : static_cast<char>(l.base));
  }
  if (needs_nfc) normalize_with_icu(std::string(norm), norm);
  return true;
}

// The canonical form and fold of a word with non-ASCII letters (normalize_word's slow path).
void normalize_vietnamese_word(std::string_view raw, std::string& norm, std::string& folded) {
  if (read_vietnamese(raw, norm, folded)) return;
  std::string icu;
  normalize_with_icu(raw, icu);
  // Case folding may leave only Vietnamese letters (ſ → s, K → k): their tones are then placed,
  // so that a canonical form normalizes to itself (`yſ̉` is `ỷs`, as `ys̉` is).
  if (icu != raw && read_vietnamese(icu, norm, folded)) return;
  norm = std::move(icu);
  folded.clear();
  append_fold(folded, norm);
}

// Remembers the forms of the words a thread has normalized. A text's words are mostly among a few
// thousand syllables, so each is decoded, tone-placed and folded once rather than at every
// occurrence (analysis of the legal corpus: see bench/analyzer_bench). Bounded: emptied when full.
class WordMemo {
 public:
  static constexpr size_t kMaxWords = 1 << 15;
  static constexpr size_t kMaxWordBytes = 32;

  void normalize(std::string_view raw, std::string& norm, std::string& folded) {
    if (raw.size() > kMaxWordBytes) return normalize_vietnamese_word(raw, norm, folded);
    if (const auto it = forms_.find(raw); it != forms_.end()) {
      norm = it->second.first;
      folded = it->second.second;
      return;
    }
    normalize_vietnamese_word(raw, norm, folded);
    if (forms_.size() >= kMaxWords) forms_.clear();
    forms_.try_emplace(std::string(raw), norm, folded);
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::pair<std::string, std::string>, Hash, std::equal_to<>> forms_;
};

}  // namespace

void normalize_word(std::string_view raw, std::string& norm, std::string& folded) {
  // Fast path: ASCII letters and digits only.
  bool ascii = true;
  for (char c : raw) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    norm.clear();
    for (char c : raw) norm.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    canonical_folded_spelling(norm);
    folded = norm;
    return;
  }
  thread_local WordMemo memo;
  memo.normalize(raw, norm, folded);
}

std::string normalize(std::string_view text) {
  std::string out, norm, folded;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const CodePoint cp = next_code_point(text, pos);
    const CharInfo info = char_info(cp.value);
    if (is_word_char(info.kind)) {
      size_t end = pos;
      while (end < text.size()) {
        const CodePoint next = next_code_point(text, end);
        if (!is_word_char(char_info(next.value).kind)) break;
        end += next.length;
      }
      normalize_word(text.substr(pos, end - pos), norm, folded);
      out += norm;
      pos = end;
      continue;
    }
    pos += cp.length;
    switch (info.kind) {
      case CharKind::kSpace: out.push_back(cp.value == '\n' ? '\n' : ' '); break;
      case CharKind::kDash: out.push_back('-'); break;
      default: append_utf8(out, cp.value);
    }
  }
  return out;
}

}  // namespace vankho::text
