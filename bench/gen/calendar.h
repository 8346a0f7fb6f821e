// Dates for vankho_gen: a day number (days since 1970-01-01) and its civil date, with integer
// arithmetic only (H. Hinnant's days_from_civil / civil_from_days).
#pragma once

#include <cstdio>
#include <string>

namespace vankho::gen {

struct Civil {
  int year = 1970, month = 1, day = 1;
};

inline int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

inline Civil civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

// "05/3/2021" (day zero-padded, month not: how directives write it).
inline std::string slash_date(const Civil& c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%d/%d", c.day, c.month, c.year);
  return buf;
}

// "ngày 5 tháng 3 năm 2021", or with `padded` "ngày 05 tháng 03 năm 2021".
inline std::string long_date(const Civil& c, bool padded) {
  char buf[64];
  std::snprintf(buf, sizeof buf, padded ? "ngày %02d tháng %02d năm %d" : "ngày %d tháng %d năm %d",
                c.day, c.month, c.year);
  return buf;
}

}  // namespace vankho::gen
