// Internal to vankho_legacy: VIQR (RFC 1456, Vietnamese in ASCII: "Vie^.t Nam", "dda^'u"): whether
// an ASCII run is worth reading as VIQR, and the decoder.
#pragma once

#include <string>
#include <string_view>

namespace vankho::formats::legacy {

// A fifth of the run's words, two at least, carry VIQR marks right after a vowel (or "dd").
[[nodiscard]] bool looks_like_viqr(std::string_view ascii);

// VIQR to UTF-8 (composed). A word takes one tone; a '.' or '?' ending a word is a tone only when
// the word then spells a Vietnamese syllable ("vu." → "vụ", "sao?" stays); '\' makes the next
// character literal ("\." is a period).
[[nodiscard]] std::string decode_viqr(std::string_view ascii);

}  // namespace vankho::formats::legacy
