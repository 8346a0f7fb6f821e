// Stage 2 of the analysis chain: canonical lowercase form. NFC, joiners, BOM and soft hyphens
// removed, every space (the zero-width space too: it separates words) to ' ', dash variants to
// '-', Ð (U+00D0) to đ, case folding, canonical tone placement (see tone.h) and the canonical
// spelling of variants (spelling.h).
#pragma once

#include <string>
#include <string_view>

namespace vankho::text {

// Normalizes running text (valid UTF-8). Word boundaries and punctuation are kept.
[[nodiscard]] std::string normalize(std::string_view text);

// Normalizes one word as the tokenizer cut it from the input (letters, digits, combining marks and
// ignorables only), writing the canonical form and its fold (see fold.h). Reuses the strings.
void normalize_word(std::string_view raw, std::string& norm, std::string& folded);

}  // namespace vankho::text
