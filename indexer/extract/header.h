// Internal: the header block above the title — issuing organ (`TỈNH ỦY HẬU GIANG`), own number
// (`Số 28-KL/TU`, or the blank `Số        -CTr/TU` of a draft), `Dự thảo`, and the place-date line
// (`Hậu Giang, ngày      tháng      năm 2024`).
#pragma once

#include <cstddef>
#include <string>

#include "doc_text.h"
#include "extract.h"

namespace vankho::extract::detail {

struct HeaderBlock {
  std::string number;       // canonical own code, or ""
  std::string number_type;  // the own code's type letters key ("CTR"), also from a blank number
  bool draft = false;
  std::string organ;           // "Tỉnh ủy" from `TỈNH ỦY HẬU GIANG`, or ""
  std::string organ_province;  // "Hậu Giang" from the same line, or ""
  std::string place_province;  // the place of the place-date line when it is a province
  Date date;                   // from the place-date line (may be partial)
};

// Reads lines [0, end_line) (the block above the title) and `extra_lines` after it for `Dự thảo`.
[[nodiscard]] HeaderBlock read_header(const DocText& d, size_t end_line, size_t draft_end_line);

}  // namespace vankho::extract::detail
