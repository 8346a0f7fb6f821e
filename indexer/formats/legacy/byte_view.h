// Internal to vankho_legacy: how legacy bytes show as Unicode characters (cp1252, whose five holes
// and any byte read as Latin-1 show as U+0080..U+009F), both ways, and the fast test that tells a
// run holding only such characters from genuine Unicode text.
#pragma once

#include <string>
#include <string_view>

namespace vankho::formats::legacy {

enum class RunShape {
  kAscii,    // only ASCII: a VIQR candidate at most
  kBytes,    // only characters that show a byte, some of them not ASCII: a legacy candidate
  kUnicode,  // some character shows no byte (ư, ơ, đ, U+1EA0.., U+FFFD): genuine Unicode
};

// Stops at the first character that shows no byte; no allocation.
[[nodiscard]] RunShape classify_run(std::string_view run);

// The byte that shows as `cp` through cp1252 (or Latin-1), or -1.
[[nodiscard]] int byte_of(char32_t cp);

// The bytes a run shows (call only when classify_run is not kUnicode).
[[nodiscard]] std::string to_bytes(std::string_view run);

// Bytes read as cp1252 (its holes as Latin-1): the last-resort reading of a line.
[[nodiscard]] std::string cp1252_to_utf8(std::string_view bytes);

}  // namespace vankho::formats::legacy
