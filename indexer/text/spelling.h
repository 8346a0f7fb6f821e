// Spelling variants that are one word: the i/y of a syllable that is a consonant and the vowel
// alone (`lí`/`lý`, `kĩ`/`kỹ`, `sĩ`/`sỹ`, `quí`/`quý`, `kì`/`kỳ`, `hi sinh`/`hy sinh`, `tỉ`/`tỷ`,
// `mì`/`mỳ`), written either way since the 1980s spelling rules, and the older `giầy`, `dầy` for
// `giày`, `dày`. The archive and the people searching it write both (legal corpus: `lý` 103,196
// times, `lí` 38; the dev questions: `lí` 110 times, `lý` never), so the analyzer writes one form,
// the one official documents mostly use: y, and `ày`. Only after h, k, l, m, s, t and qu: after
// the other consonants one of the two spellings is not a word (`vi phạm`, `thi`, `chi`), and a
// diphthong's i and y are different words (`tai`/`tay`).
#pragma once

#include <span>
#include <string>

#include "letters.h"

namespace vankho::text {

// Rewrites a lowercase syllable to its canonical spelling, in place (its tone already placed).
void canonical_spelling(std::span<Letter> syllable);

// The same for a folded (ASCII, lowercase) word: `li` → `ly`, `qui` → `quy`.
void canonical_folded_spelling(std::string& word);

}  // namespace vankho::text
