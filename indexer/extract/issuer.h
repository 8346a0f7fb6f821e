// Internal: who issued the document, for which province and in which term — decided from the
// title (`... của Ban Thường vụ Tỉnh ủy`), the closing self-reference (`Trên đây là Chương trình
// ... của Ban Thường vụ Tỉnh ủy`), the signature (`T/M TỈNH ỦY`) and the header organ (`TỈNH ỦY
// HẬU GIANG`), in that order; only what the text states.
#pragma once

#include <optional>
#include <string>

#include "doc_text.h"
#include "header.h"
#include "signer.h"

namespace vankho::extract::detail {

// The issuer named by `của <body>` in a title that starts with its type (`Chương trình hành động
// năm 2023 của Ban Chấp hành Đảng bộ Tỉnh khoá XI` → `Ban Chấp hành Đảng bộ tỉnh`), or "".
[[nodiscard]] std::string issuer_in_title(const DocText& title);

// The issuer of the whole decision chain above; "" when the text names none.
[[nodiscard]] std::string find_issuer(const DocText& d, const DocText& title,
                                      const HeaderBlock& header,
                                      const std::optional<SignatureBlock>& signature);

// The province: the header organ's, the place-date line's, else (with `read_body`: a directive
// or news text, not a law article) a `tỉnh X` mentioned at least twice and more often than any
// other province.
[[nodiscard]] std::string find_province(const DocText& d, const HeaderBlock& header,
                                        bool read_body);

// The issuer's term as a roman numeral: `khóa XI` closing the title's `của <body>`, else the first
// `khóa X` written after a provincial body (`Ban Chấp hành Đảng bộ tỉnh khóa XVI`), never after a
// central one.
[[nodiscard]] std::string find_term(const DocText& d, const DocText& title);

}  // namespace vankho::extract::detail
