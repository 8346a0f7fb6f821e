// Internal: dates of issue (`ngày 02/4/2022`, `ngày 02 tháng 4 năm 2022`, the blank `ngày  tháng
// năm 2024`, datelines `09/10/2020`) and the period a document covers (`tháng 9 năm 2022`,
// `tháng 7/2022`, `quý I năm 2025`, `Quý II/2023`, `3 tháng cuối năm 2020`, `6 tháng đầu năm 2021`,
// and in a title `năm 2023`). Term ranges (`nhiệm kỳ 2020 - 2025`, `giai đoạn 2021 - 2030`) are
// never periods. All scanning is over tokens; no regular expressions.
#pragma once

#include <cstddef>
#include <optional>

#include "doc_text.h"
#include "extract.h"

namespace vankho::extract::detail {

[[nodiscard]] Period month_period(int year, int month);
[[nodiscard]] Period months_period(int year, int first_month, int last_month);

struct DateMatch {
  Date date;
  size_t end = 0;  // token index just past the date
};

// A date starting at token i (optionally with its `ngày`); nullopt when none starts there.
[[nodiscard]] std::optional<DateMatch> date_at(const DocText& d, size_t i);

// True when line `line` is a date and nothing else (a news dateline).
[[nodiscard]] std::optional<Date> dateline(const DocText& d, const Line& line);

enum class PeriodScope {
  kTitle,    // a bare `năm 2023` counts as the year
  kOpening,  // only month, quarter and `N tháng đầu/cuối năm` forms
};

struct PeriodMatch {
  enum class Kind { kMonth, kQuarter, kMonths, kYear } kind = Kind::kMonth;
  int year = 0;  // 0 when the text leaves it out (`3 tháng cuối năm`)
  int first_month = 1, last_month = 12;
  size_t end = 0;
  [[nodiscard]] Period period(int y) const { return months_period(y, first_month, last_month); }
};

// A period expression starting at token i, or nullopt.
[[nodiscard]] std::optional<PeriodMatch> period_at(const DocText& d, size_t i, PeriodScope scope);

// The covered period: the first period expression of the title (dates such as `ngày 28 tháng 02
// năm 2020` are skipped); when it lacks its year, the year of the same expression in the opening
// tokens [opening_first, opening_end), else `fallback_year` (0: none). Without one in the title,
// the first complete one in the opening. `title_scope` is kOpening when the "title" is only the
// first line of the text.
[[nodiscard]] std::optional<Period> find_period(const DocText& title, PeriodScope title_scope,
                                                const DocText& doc, size_t opening_first,
                                                size_t opening_end, int fallback_year);

}  // namespace vankho::extract::detail
