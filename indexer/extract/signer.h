// Internal: the signature block at the end of a directive — `T/M BAN THƯỜNG VỤ` (on behalf of),
// `K/T BÍ THƯ` (for), the signer's title `PHÓ BÍ THƯ THƯỜNG TRỰC` and name `Mai Văn Huỳnh`.
// A news report's author byline (`Bích Huệ` alone on the last line) has no title and no marker,
// so it is not a signer.
#pragma once

#include <optional>
#include <string>

#include "doc_text.h"
#include "extract.h"

namespace vankho::extract::detail {

struct SignatureBlock {
  Signer signer;
  std::string on_behalf_of;  // what follows T/M, as written: "BAN THƯỜNG VỤ", "TỈNH ỦY"; or ""
  size_t first_line = 0;  // the block's first line (marker or title)
};

[[nodiscard]] std::optional<SignatureBlock> find_signature(const DocText& d);

// True when `line` looks like a person's name: 2 to 6 capitalized words of letters.
[[nodiscard]] bool name_like(std::string_view line);

}  // namespace vankho::extract::detail
