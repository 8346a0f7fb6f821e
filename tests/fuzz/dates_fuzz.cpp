// Fuzz target: the date and period reader of the extractor (indexer/extract/dates.h) — parse_date()
// on a supplied date (a JSON-lines field), and at every token of a text: date_at(), period_at() in
// both scopes, each line as a dateline, and find_period() with the first line as the title.
#include <string>

#include "dates.h"
#include "decode.h"
#include "fuzz_check.h"
#include "vocabulary.h"

namespace {

using namespace vankho;
using namespace vankho::extract;

void check_date(const Date& d) {
  if (d.empty()) {
    FUZZ_CHECK(d.month == 0 && d.day == 0, "an empty date has no month or day");
    return;
  }
  FUZZ_CHECK(d.year >= 1900 && d.year <= 2100, "a year from 1900 to 2100");
  FUZZ_CHECK(d.month >= 0 && d.month <= 12, "a month from 1 to 12, or none");
  FUZZ_CHECK(d.day == 0 || (d.month > 0 && d.day <= days_in_month(d.year, d.month)),
             "a day of its month, or none");
  const std::string iso = d.iso();
  FUZZ_CHECK(iso.size() == 4 || iso.size() == 7 || iso.size() == 10, "YYYY, YYYY-MM or YYYY-MM-DD");
}

void check_period(const Period& p) {
  check_date(p.from);
  check_date(p.to);
  FUZZ_CHECK(p.from.day > 0 && p.to.day > 0, "a period's bounds are full dates");
  FUZZ_CHECK(p.from.sortable() <= p.to.sortable(), "a period starts before it ends");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = text::decode(fuzz::as_text(data, size)).text;
  check_date(parse_date(text));

  const detail::DocText doc(text, nullptr);
  for (size_t i = 0; i < doc.size(); ++i) {
    if (const auto m = detail::date_at(doc, i)) {
      FUZZ_CHECK(m->end > i && m->end <= doc.size(), "a date ends after it starts, inside the text");
      check_date(m->date);
    }
    for (const auto scope : {detail::PeriodScope::kTitle, detail::PeriodScope::kOpening}) {
      const auto m = detail::period_at(doc, i, scope);
      if (!m) continue;
      FUZZ_CHECK(m->end > i && m->end <= doc.size(), "a period ends after it starts, inside the text");
      FUZZ_CHECK(1 <= m->first_month && m->first_month <= m->last_month && m->last_month <= 12,
                 "months 1..12 in order");
      if (m->year != 0) check_period(m->period(m->year));
    }
  }
  for (const detail::Line& line : doc.lines()) {
    if (const auto d = detail::dateline(doc, line)) check_date(*d);
  }
  if (!doc.lines().empty()) {
    const std::string title(doc.line_text(doc.lines().front()));
    const detail::DocText title_doc(title, nullptr);
    for (const auto scope : {detail::PeriodScope::kTitle, detail::PeriodScope::kOpening}) {
      if (const auto p = detail::find_period(title_doc, scope, doc, 0, 120, 2022)) check_period(*p);
    }
  }
  return 0;
}
