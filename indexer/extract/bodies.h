// Internal: issuing bodies named in the text (`Bộ Chính trị`, `Ban Chấp hành Trung ương Đảng khóa
// XIII`, `Hội nghị lần thứ năm Ban Chấp hành ...`, `Ủy ban Kiểm tra Trung ương`), their canonical
// issuer labels, and the term (`khóa XI`) written after them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "doc_text.h"

namespace vankho::extract::detail {

// End (token index) of the body named from token i: capitalized words and the lowercase syllables
// of body names (`Bộ Chính trị`, `Đảng bộ tỉnh`, `lần thứ năm`), then an optional `khóa XIII`.
// Returns i when no body starts there.
[[nodiscard]] size_t body_end(const DocText& d, size_t i);

// The roman numeral of `khóa XI` / `khoá XI` at token i ("XI"), or "".
[[nodiscard]] std::string term_at(const DocText& d, size_t i);

// The issuer label of the body in tokens [first, last): a known body in its canonical spelling
// (`Ban Chấp hành Đảng bộ Tỉnh khoá XI` → "Ban Chấp hành Đảng bộ tỉnh"), else the words as written
// without the term.
[[nodiscard]] std::string issuer_label(const DocText& d, size_t first, size_t last);

// The canonical label when tokens [first, last) name a known body (term dropped), else "".
[[nodiscard]] std::string known_issuer(const DocText& d, size_t first, size_t last);

// True for the Party's central bodies and the State's (Trung ương, Bộ Chính trị, Quốc hội, ...):
// their terms are not a provincial document's own term.
[[nodiscard]] bool central_body(const DocText& d, size_t first, size_t last);

}  // namespace vankho::extract::detail
