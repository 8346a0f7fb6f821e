// Query syntax, separate from building the Xapian query: text runs, "quoted phrases", -exclusions,
// OR between units, and field filters (loai: so: nam: tu: den: coquan: tinh: chude:, with or
// without diacritics). Lenient: anything malformed becomes a warning and the best reading.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "warning.h"

namespace vankho::query {

struct Unit {
  enum class Kind { kText, kPhrase };
  Kind kind = Kind::kText;
  std::string raw;       // as written, without quotes
  bool or_with_previous = false;  // `a OR b`: this unit is an alternative to the previous one
};

struct Filter {
  std::string field;  // type, number, year, from, to, issuer, province, theme, parent
  std::string value;  // as written, quotes removed
  std::string raw;    // the whole `key:value` as written
};

struct ParsedQuery {
  std::vector<Unit> units;     // in order of appearance
  std::vector<Unit> excluded;  // -word, -"phrase"
  std::vector<Filter> filters;
  std::vector<Warning> warnings;
};

[[nodiscard]] ParsedQuery parse_query(std::string_view q);

// The canonical field a filter key names (`loại`, `loai`, `type` → "type"), or "" if none.
[[nodiscard]] std::string filter_field(std::string_view key);

}  // namespace vankho::query
