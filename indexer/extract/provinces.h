// Internal: the provinces and centrally-run cities of Viet Nam (the 63 units before the 2025
// mergers, whose names the merged units kept, plus Huế), recognized as tokens of the text.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "doc_text.h"

namespace vankho::extract::detail {

struct ProvinceMatch {
  std::string_view name;  // display form: "Hậu Giang"
  size_t end = 0;         // token index just past the name
};

// A province name starting at token i, written with a capital (`Hậu Giang`, `HẬU GIANG`);
// any accent style and spelling variant in the table (`Đắk Lắk`/`Đăk Lăk`, `Bắc Kạn`/`Bắc Cạn`).
[[nodiscard]] std::optional<ProvinceMatch> province_at(const DocText& d, size_t i);

// The display form of a province given in any spelling ("hau giang"), or "".
[[nodiscard]] std::string_view province_name(std::string_view any_spelling);

}  // namespace vankho::extract::detail
