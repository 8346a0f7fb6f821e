#include "time_expr.h"

#include <charconv>
#include <cstdio>
#include <string>

#include "extract.h"

namespace vankho::query {
namespace {

int to_int(std::string_view s) {
  int v = -1;
  if (s.empty() || s.size() > 4) return -1;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : -1;
}

int year_of(const text::Token& t) {
  if (t.folded.size() != 4) return -1;
  const int y = to_int(t.folded);
  return y >= 1900 && y <= 2100 ? y : -1;
}

int quarter_of(std::string_view s) {
  if (s == "i" || s == "1") return 1;
  if (s == "ii" || s == "2") return 2;
  if (s == "iii" || s == "3") return 3;
  if (s == "iv" || s == "4") return 4;
  return -1;
}

bool is(const std::vector<text::Token>& t, size_t i, std::string_view folded) {
  return i < t.size() && t[i].folded == folded;
}

// Optional `năm` then a year at i; returns the year and moves i past it.
int take_year(const std::vector<text::Token>& t, size_t& i) {
  size_t j = i;
  if (is(t, j, "nam")) ++j;
  if (j < t.size()) {
    if (const int y = year_of(t[j]); y > 0) {
      i = j + 1;
      return y;
    }
  }
  return -1;
}

int day(int y, int m, int d) { return y * 10000 + m * 100 + d; }

PeriodMatch months(size_t first, size_t last, int year, int m1, int m2) {
  return {first, last, day(year, m1, 1), day(year, m2, extract::days_in_month(year, m2))};
}

}  // namespace

std::optional<PeriodMatch> match_period_at(const std::vector<text::Token>& t, std::string_view text,
                                           size_t i) {
  if (i >= t.size()) return std::nullopt;
  const std::string_view w = t[i].folded;
  // tháng M/YYYY, tháng M năm YYYY
  if (w == "thang" && i + 1 < t.size()) {
    const int m = to_int(t[i + 1].folded);
    size_t j = i + 2;
    if (m >= 1 && m <= 12) {
      if (const int y = take_year(t, j); y > 0) return months(i, j, y, m, m);
    }
    return std::nullopt;
  }
  // quý I năm 2025, quy 1 2025, quý II/2023
  if (w == "quy" && i + 1 < t.size()) {
    const int q = quarter_of(t[i + 1].folded);
    size_t j = i + 2;
    if (q > 0) {
      if (const int y = take_year(t, j); y > 0) return months(i, j, y, 3 * q - 2, 3 * q);
    }
    return std::nullopt;
  }
  // 3 tháng cuối năm 2020, 6 tháng đầu năm 2021
  if (const int n = to_int(w); n >= 1 && n <= 11 && is(t, i + 1, "thang") &&
                               (is(t, i + 2, "dau") || is(t, i + 2, "cuoi"))) {
    size_t j = i + 3;
    if (const int y = take_year(t, j); y > 0) {
      return is(t, i + 2, "dau") ? months(i, j, y, 1, n) : months(i, j, y, 13 - n, 12);
    }
    return std::nullopt;
  }
  // năm 2023
  if (w == "nam" && i + 1 < t.size()) {
    if (const int y = year_of(t[i + 1]); y > 0) return months(i, i + 2, y, 1, 12);
    return std::nullopt;
  }
  // 2020-2025, 2020 - 2025
  if (const int y1 = year_of(t[i]); y1 > 0 && i + 1 < t.size()) {
    const int y2 = year_of(t[i + 1]);
    const std::string_view gap = text.substr(t[i].end, t[i + 1].start - t[i].end);
    if (y2 > y1 && y2 - y1 <= 50 && gap.find('-') != std::string_view::npos &&
        gap.find_first_not_of(" -") == std::string_view::npos) {
      return PeriodMatch{i, i + 2, day(y1, 1, 1), day(y2, 12, 31)};
    }
  }
  return std::nullopt;
}

int parse_day_bound(std::string_view iso, bool end) {
  int y = 0, m = 0, d = 0;
  const std::string s(iso);
  char tail = 0;
  const int n = std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail);
  if (n == 4 || n < 1 || y < 1000 || y > 9999) return 0;
  const size_t expected = n == 1 ? 4 : n == 2 ? 7 : 10;
  if (s.size() != expected) return 0;
  if (n == 1) return end ? day(y, 12, 31) : day(y, 1, 1);
  if (m < 1 || m > 12) return 0;
  if (n == 2) return end ? day(y, m, extract::days_in_month(y, m)) : day(y, m, 1);
  if (d < 1 || d > extract::days_in_month(y, m)) return 0;
  return day(y, m, d);
}

std::string day_to_iso(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v / 10000, v / 100 % 100, v % 100);
  return buf;
}

}  // namespace vankho::query
