#include "period_fit.h"

#include <algorithm>
#include <chrono>

#include "schema.h"

namespace vankho::query {
namespace {

// YYYYMMDD → days since the epoch, so that lengths of ranges compare fairly.
int day_number(int yyyymmdd) {
  using namespace std::chrono;
  const year_month_day ymd{year(yyyymmdd / 10000), month(static_cast<unsigned>(yyyymmdd / 100 % 100)),
                           day(static_cast<unsigned>(yyyymmdd % 100))};
  return static_cast<int>(sys_days(ymd).time_since_epoch().count());
}

}  // namespace

double period_fit(int a, int b, int from, int to) {
  const int lo = std::max(a, from), hi = std::min(b, to);
  if (lo > hi) return 0;
  const double overlap = day_number(hi) - day_number(lo) + 1;
  const double span = day_number(std::max(b, to)) - day_number(std::min(a, from)) + 1;
  return overlap / span;
}

double period_value_fit(std::string_view value, int from, int to) {
  int a = 0, b = 0;
  return schema::parse_period_value(value, a, b) ? period_fit(a, b, from, to) : 0.0;
}

}  // namespace vankho::query
