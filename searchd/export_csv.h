// The hits of a search as CSV, for /api/search.csv: RFC 4180 (comma-separated, CRLF, a field
// quoted when it holds a comma, quote or line break), one header row, then one row per hit:
// number, type, title, issuer, date, period, themes, link. Written here rather than by a library:
// Debian 12 packages no C++ CSV writer, and writing is the quoting rule above.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "searcher.h"

namespace vankho::searchd {

struct CsvOptions {
  // A UTF-8 byte order mark first: Excel then reads the file as UTF-8 (Vietnamese shows as
  // written) rather than in the system's code page.
  bool excel = false;
  // The search page's address (e.g. "http://search.tinhuy.vn/"): each row links to the
  // document's view there, `PAGE?doc=ID`.
  std::string page_url;
};

// One field as CSV. A field that a spreadsheet would run as a formula (=, +, -, @, tab or CR
// first) is prefixed with ' (the usual defence against formula injection).
[[nodiscard]] std::string csv_field(std::string_view value);

// dd/mm/yyyy from an ISO yyyy-mm-dd, as a Vietnamese reader writes it; anything else as it is.
[[nodiscard]] std::string vietnamese_date(const std::string& iso);

[[nodiscard]] std::string csv_header(const CsvOptions& options);
[[nodiscard]] std::string csv_row(const query::Hit& hit, const CsvOptions& options);

}  // namespace vankho::searchd
