// Stage 3 of the analysis chain: the folded form. Every mark removed and đ→d, lowercase, and the
// canonical spelling of i/y variants (spelling.h): `ĐẢNG ỦY`→`dang uy`, `HĐND`→`hdnd`,
// `quản lí`→`quan ly`. Folded terms are weak evidence (`dang` folds 22 syllables).
#pragma once

#include <string>
#include <string_view>

namespace vankho::text {

[[nodiscard]] std::string fold(std::string_view text);

// Appends the fold of `text` to `out`.
void append_fold(std::string& out, std::string_view text);

}  // namespace vankho::text
