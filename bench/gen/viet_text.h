// vankho_gen's own handling of Vietnamese letters: capitals for headings and sentence starts, and
// the unaccented spelling people type (every mark removed, đ → d, lower case). A small table of
// the precomposed letters, so that the generator links nothing of vankho.
#pragma once

#include <string>
#include <string_view>

namespace vankho::gen {

// Every letter in capitals: "Tỉnh ủy Hậu Giang" → "TỈNH ỦY HẬU GIANG".
[[nodiscard]] std::string upper(std::string_view text);
// The first letter at or after byte `from` in capitals, the rest as it is.
void capitalize(std::string& text, size_t from = 0);
// The first letter in lower case, the rest as it is.
void lower_first(std::string& text);
// Lower case without marks: "Nghị quyết Đảng" → "nghi quyet dang".
[[nodiscard]] std::string fold(std::string_view text);

}  // namespace vankho::gen
