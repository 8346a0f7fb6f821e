// vankho's Vietnamese analyzer: the one chain that both the indexer and the query side run.
// decode (bytes → UTF-8) → normalize (NFC, canonical tones) → fold (no marks, đ→d) → tokenize.
// The index records kAnalyzerName/kAnalyzerVersion; bump the version whenever any stage changes
// the terms it produces, so that an index built by another version is refused.
#pragma once

#include <string_view>
#include <vector>

#include "decode.h"
#include "doc_code.h"
#include "fold.h"
#include "normalize.h"
#include "tokenize.h"

namespace vankho::text {

inline constexpr std::string_view kAnalyzerName = "vankho-vi";
// 2: `7/H4-DU` stays a State code; Ð is đ beside non-Vietnamese letters; U+0340/U+0341 are tones.
// 3: spelling variants written one way (spelling.h): `lí` is `lý`, `quí` `quý`, `giầy` `giày`.
inline constexpr int kAnalyzerVersion = 3;

// Tokens of valid UTF-8 text.
[[nodiscard]] inline std::vector<Token> analyze(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return tokens;
}

}  // namespace vankho::text
