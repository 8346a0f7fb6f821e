// Internal to vankho_legacy: the detector's decision rule, shared by runs and lines. A reading is
// some decoding of the same bytes with its syllable score; a legacy reading replaces the text as it
// stands only when clearly better.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "legacy_encoding.h"
#include "syllable.h"

namespace vankho::formats::legacy {

// A converted reading must reach this share of valid syllables...
inline constexpr double kMinShare = 0.6;
// ...and beat the text as it stands by this much.
inline constexpr double kMinGain = 0.2;
// A reading in the encoding a font names wins unless it is this much worse than the text as is.
inline constexpr double kHintSlack = 0.15;

struct Reading {
  Encoding encoding = Encoding::kUnicode;
  std::string text;
  SyllableScore score;
};

// `bytes` decoded with `encoding` and scored; nullopt when the converter is missing.
[[nodiscard]] std::optional<Reading> read_as(Encoding encoding, std::string_view bytes,
                                             Words words);

// More valid syllables, then a higher share, then fewer rare ones.
[[nodiscard]] bool more_vietnamese(const SyllableScore& a, const SyllableScore& b);

// The clear-improvement rule: `candidate` replaces a text scoring `as_is`.
[[nodiscard]] bool clearly_better(const SyllableScore& candidate, const SyllableScore& as_is);

}  // namespace vankho::formats::legacy
