#include "dates.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string>

namespace vankho::extract {

std::string Date::iso() const {
  if (empty()) return {};
  char buf[16];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

namespace detail {
namespace {

int number(const DocText& d, size_t i) {
  if (i >= d.size() || !d.is_number(i) || d.token(i).norm.size() > 4) return -1;
  int v = 0;
  const std::string& s = d.token(i).norm;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

int year_at(const DocText& d, size_t i) {
  if (i >= d.size() || d.token(i).norm.size() != 4) return 0;
  const int y = number(d, i);
  return y >= 1900 && y <= 2100 ? y : 0;
}

bool valid(int y, int m, int day) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && day >= 1 && day <= days_in_month(y, m);
}

// `/`, `-` or `.` alone: the separator of a numeric date.
bool date_separator(std::string_view gap) { return gap == "/" || gap == "-" || gap == "."; }

// Spaces, dots and underscores: what blank forms leave between `ngày`, `tháng` and `năm`.
bool filler_gap(std::string_view gap) { return blank_gap(gap, 0, true); }

std::optional<DateMatch> numeric_date(const DocText& d, size_t j) {
  if (j + 2 >= d.size()) return std::nullopt;
  const std::string_view sep = d.gap(j + 1);
  if (!date_separator(sep) || d.gap(j + 2) != sep) return std::nullopt;
  const int day = number(d, j), month = number(d, j + 1), year = year_at(d, j + 2);
  if (!valid(year, month, day)) return std::nullopt;
  return DateMatch{Date{year, month, day}, j + 3};
}

// [D] tháng [M] năm Y; the day and month may be blank only after `ngày`.
std::optional<DateMatch> verbal_date(const DocText& d, size_t j, bool after_ngay) {
  size_t k = j;
  int day = 0, month = 0;
  if (number(d, k) >= 0) day = number(d, k++);
  if (!d.folded_is(k, "thang") || !filler_gap(d.gap(k))) return std::nullopt;
  ++k;
  if (number(d, k) >= 0 && filler_gap(d.gap(k))) month = number(d, k++);
  if (!d.folded_is(k, "nam") || !filler_gap(d.gap(k))) return std::nullopt;
  const int year = year_at(d, k + 1);
  if (year == 0 || !d.plain_gap(k + 1)) return std::nullopt;
  if (!after_ngay && (day == 0 || month == 0)) return std::nullopt;
  if (month == 0) return DateMatch{Date{year, 0, 0}, k + 2};
  if (month > 12) return std::nullopt;
  if (day == 0) return DateMatch{Date{year, month, 0}, k + 2};
  if (!valid(year, month, day)) return std::nullopt;
  return DateMatch{Date{year, month, day}, k + 2};
}

int quarter_number(const DocText& d, size_t i) {
  if (i >= d.size()) return 0;
  const int roman = roman_value(d.token(i).norm);
  if (roman >= 1 && roman <= 4 && d.all_upper(i)) return roman;
  const int n = number(d, i);
  return n >= 1 && n <= 4 && d.token(i).norm.size() == 1 ? n : 0;
}

// After a month or quarter: `năm 2022` or `/2022`; sets `end` past it. 0 when absent.
int trailing_year(const DocText& d, size_t k, size_t& end) {
  end = k;
  if (d.folded_is(k, "nam") && d.plain_gap(k) && year_at(d, k + 1) && d.plain_gap(k + 1)) {
    end = k + 2;
    return year_at(d, k + 1);
  }
  if (k < d.size() && d.gap(k) == "/" && year_at(d, k)) {
    end = k + 1;
    return year_at(d, k);
  }
  return 0;
}

// `năm 2022 - 2023`, `2020-2025`: a range, never a period.
bool starts_range(const DocText& d, size_t year_token) {
  const size_t next = year_token + 1;
  if (next >= d.size() || !year_at(d, next)) return false;
  const std::string_view g = d.gap(next);
  return g.find('-') != std::string_view::npos && g.size() <= 3;
}

}  // namespace

Period months_period(int year, int first_month, int last_month) {
  return Period{Date{year, first_month, 1},
                Date{year, last_month, days_in_month(year, last_month)}};
}

Period month_period(int year, int month) { return months_period(year, month, month); }

std::optional<DateMatch> date_at(const DocText& d, size_t i) {
  if (i >= d.size()) return std::nullopt;
  const bool ngay = d.folded_is(i, "ngay");
  const size_t j = ngay ? i + 1 : i;
  if (ngay && j < d.size() && !filler_gap(d.gap(j))) return std::nullopt;
  if (auto m = numeric_date(d, j)) return m;
  return verbal_date(d, j, ngay);
}

std::optional<Date> dateline(const DocText& d, const Line& line) {
  if (line.token_count() < 3 || line.token_count() > 5) return std::nullopt;
  auto m = numeric_date(d, line.first_token);
  if (!m) return std::nullopt;
  // A time may follow (`09/10/2020 08:30`); words may not.
  for (size_t k = m->end; k < line.end_token; ++k) {
    if (!d.is_number(k)) return std::nullopt;
  }
  return m->date;
}

std::optional<PeriodMatch> period_at(const DocText& d, size_t i, PeriodScope scope) {
  if (i >= d.size()) return std::nullopt;
  PeriodMatch m;
  const std::string& f = d.token(i).folded;
  if (f == "thang") {
    // `ngày 14 và 28 tháng 9 năm 2022` is a date, not the month.
    if (i > 0 && d.is_number(i - 1)) return std::nullopt;
    const int month = number(d, i + 1);
    if (month < 1 || month > 12 || !d.plain_gap(i + 1)) return std::nullopt;
    m.kind = PeriodMatch::Kind::kMonth;
    m.first_month = m.last_month = month;
    m.year = trailing_year(d, i + 2, m.end);
    if (m.year && starts_range(d, m.end - 1)) return std::nullopt;
    return m;
  }
  if (f == "quy" && d.plain_gap(i + 1)) {
    const int q = quarter_number(d, i + 1);
    if (q == 0) return std::nullopt;
    m.kind = PeriodMatch::Kind::kQuarter;
    m.first_month = 3 * q - 2;
    m.last_month = 3 * q;
    m.year = trailing_year(d, i + 2, m.end);
    return m;
  }
  if (d.is_number(i) && d.folded_is(i + 1, "thang") && d.plain_gap(i + 1)) {
    const int n = number(d, i);
    const bool first = d.folded_is(i + 2, "dau"), last = d.folded_is(i + 2, "cuoi");
    if (n < 1 || n > 11 || !(first || last) || !d.folded_is(i + 3, "nam")) return std::nullopt;
    m.kind = PeriodMatch::Kind::kMonths;
    m.first_month = first ? 1 : 13 - n;
    m.last_month = first ? n : 12;
    m.end = i + 4;
    if (year_at(d, i + 4) && d.plain_gap(i + 4)) {
      m.year = year_at(d, i + 4);
      m.end = i + 5;
    }
    return m;
  }
  if (scope == PeriodScope::kTitle && f == "nam" && year_at(d, i + 1) && d.plain_gap(i + 1)) {
    // `đến năm 2030`, `từ năm 2020` and `năm 2022 - 2023` are mentions; `điện tử năm 2016`, `đầu tư
    // năm 2020` are not (tử, tư fold as từ does: the canonical form tells them apart).
    if (i > 0 && (d.folded_is(i - 1, "den") || d.token(i - 1).norm == "từ")) return std::nullopt;
    if (starts_range(d, i + 1)) return std::nullopt;
    m.kind = PeriodMatch::Kind::kYear;
    m.year = year_at(d, i + 1);
    m.end = i + 2;
    return m;
  }
  return std::nullopt;
}

std::optional<Period> find_period(const DocText& title, PeriodScope title_scope, const DocText& doc,
                                  size_t opening_first, size_t opening_end, int fallback_year) {
  opening_end = std::min(opening_end, doc.size());
  std::optional<PeriodMatch> in_title;
  for (size_t i = 0; i < title.size() && !in_title; ++i) {
    if (auto date = date_at(title, i)) {
      i = date->end - 1;
      continue;
    }
    in_title = period_at(title, i, title_scope);
  }
  std::optional<PeriodMatch> in_opening;
  for (size_t i = opening_first; i < opening_end; ++i) {
    if (auto date = date_at(doc, i)) {
      i = date->end - 1;
      continue;
    }
    auto m = period_at(doc, i, PeriodScope::kOpening);
    if (!m || m->year == 0) continue;
    if (in_title && (m->kind != in_title->kind || m->first_month != in_title->first_month ||
                     m->last_month != in_title->last_month)) {
      continue;
    }
    in_opening = m;
    break;
  }
  if (in_title) {
    int year = in_title->year;
    if (year == 0 && in_opening) year = in_opening->year;
    if (year == 0) year = fallback_year;
    if (year == 0) return std::nullopt;
    return in_title->period(year);
  }
  if (in_opening) return in_opening->period(in_opening->year);
  return std::nullopt;
}

}  // namespace detail

Date parse_date(std::string_view text) {
  // An ISO timestamp: the date part.
  if (text.size() > 10 && text[4] == '-' && text[7] == '-' && text[10] == 'T')
    text = text.substr(0, 10);
  const detail::DocText d(text, nullptr);
  if (d.size() == 0) return {};
  // ISO: 2022-04-02, 2022-04, 2022 (a time may follow: 2022-04-02T00:00:00). detail::number()
  // is -1 past four digits: a supplied date such as `2022-99999999999` is none, not an exception.
  if (d.token(0).norm.size() == 4 && d.is_number(0)) {
    const int y = detail::number(d, 0);
    if (y < 1900 || y > 2100) return {};
    if (d.size() == 1) return Date{y, 0, 0};
    if (d.gap(1) == "-" && d.is_number(1)) {
      const int m = detail::number(d, 1);
      if (m < 1 || m > 12) return {};
      if (d.size() >= 3 && d.gap(2) == "-" && d.is_number(2) && d.token(2).norm.size() <= 2) {
        const int day = detail::number(d, 2);
        if (day >= 1 && day <= days_in_month(y, m)) return Date{y, m, day};
        return {};
      }
      return Date{y, m, 0};
    }
  }
  for (size_t i = 0; i < d.size() && i < 3; ++i) {
    if (auto m = detail::date_at(d, i)) return m->date;
    if (auto p = detail::period_at(d, i, detail::PeriodScope::kOpening);
        p && p->year && p->kind == detail::PeriodMatch::Kind::kMonth) {
      return Date{p->year, p->first_month, 0};
    }
  }
  for (size_t i = 0; i < d.size(); ++i) {
    if (d.token(i).norm.size() == 4 && d.is_number(i)) {
      const int y = detail::number(d, i);
      if (y >= 1900 && y <= 2100) return Date{y, 0, 0};
    }
  }
  return {};
}

}  // namespace vankho::extract
