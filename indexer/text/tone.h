// Canonical tone placement (new style, Decision 1989/QĐ-BGDĐT): one tone per syllable, on the
// main vowel. `hòa`→`hoà`, `ủy`→`uỷ`, misplaced marks repaired (`tòan`→`toàn`, `nứơc`→`nước`).
#pragma once

#include <span>

#include "letters.h"

namespace vankho::text {

// Moves the syllable's tone to its canonical vowel, in place. Letters must be lowercase Vietnamese
// letters (see char_info). Anything that is not the shape of a Vietnamese syllable (no vowel,
// vowels split by consonants, two tones) is left exactly as it was.
void place_tone(std::span<Letter> syllable);

}  // namespace vankho::text
