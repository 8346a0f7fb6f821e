#include "detect.h"

#include <utility>

#include "converters.h"

namespace vankho::formats::legacy {

std::optional<Reading> read_as(Encoding encoding, std::string_view bytes, Words words) {
  std::optional<std::string> text = decode_with(encoding, bytes);
  if (!text) return std::nullopt;
  const SyllableScore score = score_syllables(*text, words);
  return Reading{encoding, std::move(*text), score};
}

bool more_vietnamese(const SyllableScore& a, const SyllableScore& b) {
  if (a.valid != b.valid) return a.valid > b.valid;
  if (a.share() != b.share()) return a.share() > b.share();
  return a.rare < b.rare;  // VNI's "cuûa" is "của", not TCVN3's "cuỷa"
}

bool clearly_better(const SyllableScore& candidate, const SyllableScore& as_is) {
  return candidate.valid > 0 && candidate.share() + 1e-9 >= kMinShare &&
         candidate.share() + 1e-9 >= as_is.share() + kMinGain;
}

}  // namespace vankho::formats::legacy
