#include "period_source.h"

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

PeriodSource::PeriodSource(int from, int to, double max_weight)
    : Xapian::ValuePostingSource(schema::kSlotPeriod), from_(from), to_(to), max_weight_(max_weight) {
  set_maxweight(max_weight);
}

void PeriodSource::init(const Xapian::Database& db) {
  Xapian::ValuePostingSource::init(db);
  set_maxweight(max_weight_);
  set_termfreq_min(0);
}

bool PeriodSource::current_overlaps() const {
  int a = 0, b = 0;
  if (!schema::parse_period_value(get_value(), a, b)) return false;
  return a <= to_ && b >= from_;
}

void PeriodSource::skip_non_overlapping(double min_wt) {
  while (!at_end() && !current_overlaps()) Xapian::ValuePostingSource::next(min_wt);
}

void PeriodSource::next(double min_wt) {
  Xapian::ValuePostingSource::next(min_wt);
  skip_non_overlapping(min_wt);
}

void PeriodSource::skip_to(Xapian::docid did, double min_wt) {
  Xapian::ValuePostingSource::skip_to(did, min_wt);
  skip_non_overlapping(min_wt);
}

bool PeriodSource::check(Xapian::docid did, double min_wt) {
  // Allowed by the PostingSource contract: position at did or the next match, and say so.
  skip_to(did, min_wt);
  return true;
}

double PeriodSource::get_weight() const {
  int a = 0, b = 0;
  if (!schema::parse_period_value(get_value(), a, b)) return 0;
  return max_weight_ * period_fit(a, b, from_, to_);
}

PeriodSource* PeriodSource::clone() const { return new PeriodSource(from_, to_, max_weight_); }

std::string PeriodSource::get_description() const {
  return "PeriodSource(" + std::to_string(from_) + ".." + std::to_string(to_) + ")";
}

}  // namespace vankho::query
