// Internal to vankho_legacy: bytes of one legacy encoding to NFC UTF-8, through glibc iconv (TCVN3
// as TCVN5712-1, CP1258), librecode (VNI) and viqr.h (VIQR). Converters are opened once: iconv per
// thread, librecode once behind a mutex (its thread safety is not documented).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "legacy_encoding.h"

namespace vankho::formats::legacy {

// `bytes` read in `encoding`, as NFC UTF-8 (bytes the encoding lacks become U+FFFD). kUnicode reads
// UTF-8, each invalid byte a U+FFFD. nullopt when the converter cannot be opened on this system.
[[nodiscard]] std::optional<std::string> decode_with(Encoding encoding, std::string_view bytes);

// TCVN3 bytes read with the full TCVN 5712:1993 table (glibc's TCVN5712-1, VN1): capitals with
// tones in the control codes and 0x80..0x9F, as converters such as iconv write TCVN3 files (the
// .VnTime fonts, and decode_with, keep Windows punctuation there). nullopt without the converter.
[[nodiscard]] std::optional<std::string> decode_tcvn3_vn1(std::string_view bytes);

// NFC (ICU), returning the text itself when it is already NFC.
[[nodiscard]] std::string to_nfc(std::string text);

}  // namespace vankho::formats::legacy
