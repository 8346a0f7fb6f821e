// Internal: the document codes a text cites, with what the text says next to each: its date
// (`ngày 02/4/2022`), issuing body (`của Bộ Chính trị`) and subject (`về phương hướng ...`), also
// in the news forms `Ngày 06/10/2020, Tỉnh ủy ban hành Văn bản số 28-KL/TU` and `của Bộ Chính trị
// tại Chỉ thị số 45-CT/TW`.
#pragma once

#include <string_view>
#include <vector>

#include "doc_text.h"
#include "extract.h"

namespace vankho::extract::detail {

inline constexpr size_t kMaxSubjectTokens = 60;
inline constexpr size_t kMaxSubjectBytes = 400;

// Every code cited, once per key, in order of first appearance; for a code cited several times,
// the details of its richest occurrence (the first among equals). `own_key` is left out.
[[nodiscard]] std::vector<Citation> find_citations(const DocText& d, std::string_view own_key);

// Tokens of a document type label at token i (`Nghị quyết`, `văn bản`), 0 when none.
[[nodiscard]] size_t type_words_at(const DocText& d, size_t i);

}  // namespace vankho::extract::detail
