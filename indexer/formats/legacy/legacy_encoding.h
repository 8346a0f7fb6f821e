// Legacy Vietnamese encodings (TCVN3/ABC, VNI, VIQR, CP1258): names, font-name hints, detection by
// the share of valid Vietnamese syllables, and conversion to NFC Unicode of text runs (legacy bytes
// shown through cp1252/Latin-1 characters) and of raw bytes of plain-text files.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vankho::formats {

enum class Encoding { kUnicode, kTcvn3, kVni, kViqr, kCp1258 };

// "unicode", "tcvn3", "vni", "viqr", "cp1258".
[[nodiscard]] std::string_view encoding_name(Encoding e);

// For --encoding: case-insensitive; also "abc"/"tcvn"/"tcvn5712"→tcvn3, "windows-1258"→cp1258,
// "utf-8"/"unicode"→unicode. nullopt for a name it does not know.
[[nodiscard]] std::optional<Encoding> parse_encoding(std::string_view name);

struct FontHint {
  Encoding encoding;
  bool upper_case = false;  // a TCVN3 upper-case font (.VnTimeH): same codes, shown upper-cased
};

// ".VnTime", ".VnTimeH", ".VnArial", "VnTime", PDF subset names "ABCDEF+.VnTime,Bold",
// "BCDFEE+VNI-Times", "VNI-Helve", ...; nullopt for Unicode fonts.
[[nodiscard]] std::optional<FontHint> font_hint(std::string_view font_name);

struct Repaired {
  std::string text;
  Encoding encoding = Encoding::kUnicode;  // what the run was converted from; kUnicode: unchanged
};

// A run of Unicode text (valid UTF-8). If it is legacy-encoded text shown through Latin-1/cp1252
// characters (or VIQR in ASCII), returns it converted to NFC Unicode; else the run unchanged with
// kUnicode. `hint` (from the run's font) makes that encoding win unless its reading is clearly
// worse (an upper-case font's text is then upper-cased); `forced` converts with that encoding
// without detection (kUnicode: never convert; characters no legacy byte shows are kept as they
// are). A run with a character outside cp1252 and Latin-1 (ư, ơ, đ, ă, U+1EA0..) is genuine Unicode
// and is returned at once. TCVN3 is read as the ABC fonts (.VnTime) have it: 0x80..0x9F and the
// control codes stay Windows punctuation and controls, not the capitals of glibc's full table.
[[nodiscard]] Repaired repair_run(std::string_view run, std::optional<FontHint> hint = {},
                                  std::optional<Encoding> forced = {});

struct DecodedBytes {
  std::string text;  // valid UTF-8, NFC where converted; line ends kept as they were
  // Lines by the encoding they were read with, in enum order, only those with lines. kUnicode
  // counts lines that were valid UTF-8 and left so, and lines read as cp1252/Latin-1 (the last
  // resort: no Vietnamese reading at all).
  std::vector<std::pair<Encoding, size_t>> lines_by_encoding;
};

// Raw bytes of a plain-text file that are NOT valid UTF-8: each line ('\n') decoded with the
// candidate (TCVN3, VNI, CP1258; cp1252/Latin-1 as the last resort) whose reading has the most
// valid Vietnamese syllables; ties go to the encoding most lines of the file clearly have. Valid
// UTF-8 lines stay as they are (then also repair_run'd), unless a legacy reading of their bytes is
// clearly better. `forced` decodes every line with that encoding (kUnicode: UTF-8, bad bytes
// U+FFFD).
[[nodiscard]] DecodedBytes decode_legacy_bytes(std::string_view bytes,
                                               std::optional<Encoding> forced = {});

// The share (0..1) of a text's words that are valid Vietnamese syllables: the detector's score.
// A word is a stretch between spaces and punctuation holding at least one letter; numbers and
// abbreviations without a vowel ("NQ", "HĐND") are not words; a word with a symbol or a
// non-Vietnamese letter in it is not a valid syllable. 0 when the text has no words. (The detector
// counts only the words with a non-ASCII character, the ones a legacy reading changes.)
[[nodiscard]] double vietnamese_syllable_share(std::string_view utf8);

}  // namespace vankho::formats
