// Internal to vankho_legacy: the Vietnamese syllable validator behind detection (onset, vowel
// nucleus, coda, one tone, the spelling rules k/c, g/gh, ng/ngh), and the per-text score.
#pragma once

#include <cstddef>
#include <string_view>

namespace vankho::formats::legacy {

enum class SyllableKind { kInvalid, kValid, kRare };

// Whether `word` (UTF-8, letters only, NFC or not) spells one Vietnamese syllable, in lower, UPPER
// or Title case; kRare for rhymes found in a handful of words (khuya, ngoẹo, xoong). Tone
// placement is free (old and new styles, misplaced marks pass) except on a final glide ("caí").
[[nodiscard]] SyllableKind classify_syllable(std::string_view word);
[[nodiscard]] bool is_vietnamese_syllable(std::string_view word);

// Which stretches of a text count as words.
enum class Words {
  kAll,       // every stretch between spaces and punctuation holding a letter
  kNonAscii,  // only those holding a non-ASCII character: the words a legacy reading can change
  kViqr,      // every word, with VIQR marks after a letter kept inside it ("Vie^.t" is one word)
};

struct SyllableScore {
  size_t words = 0;  // stretches between separators holding a letter, abbreviations ("NQ") aside
  size_t valid = 0;  // of them, valid syllables
  size_t rare = 0;   // of those, kRare ones
  [[nodiscard]] double share() const {
    return words == 0 ? 0.0 : static_cast<double>(valid) / static_cast<double>(words);
  }
};

// Scores a text (valid UTF-8): see vietnamese_syllable_share in legacy_encoding.h (kAll).
[[nodiscard]] SyllableScore score_syllables(std::string_view utf8, Words words);

}  // namespace vankho::formats::legacy
