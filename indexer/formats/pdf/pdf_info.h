// The PDF document information dictionary (Title, Author, CreationDate, ModDate) as the
// FileProperties fallbacks of extracted.h.
#pragma once

#include <poppler-document.h>

#include <optional>
#include <string>
#include <string_view>

#include "extracted.h"
#include "legacy_encoding.h"

namespace vankho::formats::pdf {

// Title and Author go through repair_run (no font hint; `forced` as --encoding gives it).
[[nodiscard]] FileProperties read_properties(const poppler::document& doc,
                                             std::optional<Encoding> forced);

// A PDF date string ("D:20220402100000+07'00'", "D:2022", "20220402") as "YYYY-MM-DD" in the
// writer's own calendar (no time-zone shift); "" when it is not a date. A missing month or day
// is 01, as the PDF standard says.
[[nodiscard]] std::string iso_date_of_pdf_date(std::string_view raw);

}  // namespace vankho::formats::pdf
