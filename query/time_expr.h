// Periods people type, read from analyzed tokens: `tháng 7/2022`, `tháng 9 năm 2022`,
// `quý I năm 2025`, `quy 1 2025`, `năm 2023`, `3 tháng cuối năm 2020`, `6 tháng đầu năm 2021`,
// `2020-2025`. Accent-insensitive (works on folded tokens).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "tokenize.h"

namespace vankho::query {

struct PeriodMatch {
  size_t first = 0, last = 0;  // tokens [first, last) that express the period
  int from = 0, to = 0;        // YYYYMMDD inclusive
};

// A period starting at token i, if any. `text` is what the tokens were cut from.
[[nodiscard]] std::optional<PeriodMatch> match_period_at(const std::vector<text::Token>& tokens,
                                                         std::string_view text, size_t i);

// "2022-04-02", "2022-04", "2022" → the first (or, with `end`, last) day as YYYYMMDD; 0 if invalid.
[[nodiscard]] int parse_day_bound(std::string_view iso, bool end);

// YYYYMMDD → "2022-04-02".
[[nodiscard]] std::string day_to_iso(int yyyymmdd);

}  // namespace vankho::query
