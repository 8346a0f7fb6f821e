#include "spelling.h"

#include <string_view>

namespace vankho::text {
namespace {

// The consonants after which a lone i is also written y (spelling.h).
bool takes_y(std::string_view onset) {
  return onset == "h" || onset == "k" || onset == "l" || onset == "m" || onset == "s" || onset == "t" ||
         onset == "qu";
}

bool plain(const Letter& l) { return l.base < 0x80 && l.mark == VowelMark::kNone && l.tone == Tone::kNone; }

// giầy, dầy: the older spelling of giày, dày.
bool old_ay(std::span<const Letter> s) {
  const size_t n = s.size();
  const bool onset = (n == 3 && s[0].base == 'd') || (n == 4 && s[0].base == 'g' && s[1].base == 'i');
  return onset && s[n - 1].base == 'y' && plain(s[n - 1]) && s[n - 2].base == 'a' &&
         s[n - 2].mark == VowelMark::kCircumflex && s[n - 2].tone == Tone::kGrave;
}

// lí, kĩ, quí: a consonant that takes y (plain letters) and a lone i, with any tone.
bool lone_i(std::span<const Letter> s) {
  const size_t n = s.size();
  if (n < 2 || n > 3 || s[n - 1].base != 'i' || s[n - 1].mark != VowelMark::kNone) return false;
  std::string onset;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!plain(s[i])) return false;
    onset.push_back(static_cast<char>(s[i].base));
  }
  return takes_y(onset);
}

}  // namespace

void canonical_spelling(std::span<Letter> s) {
  if (old_ay(s)) {
    s[s.size() - 2].mark = VowelMark::kNone;
  } else if (lone_i(s)) {
    s.back().base = 'y';
  }
}

void canonical_folded_spelling(std::string& word) {
  if (word.size() >= 2 && word.size() <= 3 && word.back() == 'i' &&
      takes_y(std::string_view(word).substr(0, word.size() - 1))) {
    word.back() = 'y';
  }
}

}  // namespace vankho::text
