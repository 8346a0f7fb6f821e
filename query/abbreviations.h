// Abbreviations of Vietnamese official writing (`UBND`, `HĐND`, `BCH`, `MTTQ`, `BHXH`, ...): a
// query word that is one of them also matches what it stands for, as a phrase, so that `HĐND tỉnh`
// (or `hdnd tinh`) finds `Hội đồng nhân dân tỉnh`; and a query that spells one out also matches
// the abbreviation (`ủy ban nhân dân tỉnh` finds `UBND tỉnh`). Written by hand (no Debian
// package carries such a list). One that is also a syllable (`THA`, `tha`) counts only in capitals.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tokenize.h"

namespace vankho::query {

struct Abbreviation {
  std::string_view written;               // as documents write it: "HĐND"
  std::string_view means;                 // "hội đồng nhân dân"
  std::string written_folded;             // "hdnd", the folded word documents index
  std::vector<text::Token> means_tokens;  // `means` analyzed (their folded forms make the phrase)
};

// The abbreviation a query token stands for, or nullptr; `typed` is the token as typed.
[[nodiscard]] const Abbreviation* abbreviation_of(std::string_view typed, const text::Token& token);

// The abbreviation whose meaning `tokens` spell out from `first` on (the longest), or nullptr.
[[nodiscard]] const Abbreviation* abbreviation_spelled_at(const std::vector<text::Token>& tokens, size_t first);

}  // namespace vankho::query
