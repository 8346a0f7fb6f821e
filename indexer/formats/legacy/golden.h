// Test support for vankho_legacy: golden legacy bytes made independently of the library (glibc
// iconv and librecode called directly), how a Word or PDF run shows them, and sample sentences.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "legacy_encoding.h"

namespace vankho::formats::golden {

[[nodiscard]] std::string tcvn3_bytes(std::string_view utf8);   // iconv UTF-8 → TCVN5712-1
[[nodiscard]] std::string cp1258_bytes(std::string_view utf8);  // iconv UTF-8 → CP1258
[[nodiscard]] std::string vni_bytes(std::string_view utf8);     // librecode UTF-8..VNI
[[nodiscard]] std::string viqr_text(std::string_view utf8);     // librecode UTF-8..VIQR

// Bytes as a Word or PDF run shows them: cp1252 characters (its holes as Latin-1 C1 controls).
[[nodiscard]] std::string shown_as_cp1252(std::string_view bytes);

[[nodiscard]] std::string nfc(std::string_view s);

// Sentences of the archive's kind, old and new tone styles, with document codes.
extern const std::vector<std::string> kSentences;

using Lines = std::vector<std::pair<Encoding, size_t>>;

}  // namespace vankho::formats::golden
