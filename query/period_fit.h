// How closely a document's covered days fit the period a user asked for, so that `quý I năm 2025`
// puts the programme for that quarter above the programme for the year. The planner filters by
// overlap with Xapian's value ranges (planner.h); the search then ranks its first candidates by
// this fit (search_run.cpp), reading kSlotPeriod as the title rerank reads the title.
#pragma once

#include <string_view>

namespace vankho::query {

// The fit of a document's days [a, b] to the asked [from, to]: 0 (disjoint) .. 1 (the same).
[[nodiscard]] double period_fit(int a, int b, int from, int to);

// The fit of a document's kSlotPeriod value; 0 when it has none.
[[nodiscard]] double period_value_fit(std::string_view value, int from, int to);

}  // namespace vankho::query
