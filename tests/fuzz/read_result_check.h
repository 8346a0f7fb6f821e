// The promises of every format reader's ReadResult (indexer/formats/extracted.h), checked by the
// format fuzz targets: text or a reason, valid UTF-8, page breaks only between pages.
#pragma once

#include <string>

#include "extracted.h"
#include "fuzz_check.h"

namespace vankho::fuzz {

inline void check_read_result(const formats::ReadResult& r) {
  if (!r.doc) {
    FUZZ_CHECK(!r.error.empty(), "an unreadable file has a reason");
    FUZZ_CHECK(valid_utf8(r.error), "the reason is valid UTF-8");
    return;
  }
  const formats::ExtractedText& d = *r.doc;
  FUZZ_CHECK(valid_utf8(d.text), "text is valid UTF-8");
  const formats::FileProperties& p = d.properties;
  FUZZ_CHECK(valid_utf8(p.title) && valid_utf8(p.creator) && valid_utf8(p.created) && valid_utf8(p.modified),
             "properties are valid UTF-8");
  for (const std::string& w : d.warnings) FUZZ_CHECK(valid_utf8(w), "warnings are valid UTF-8");
  FUZZ_CHECK(!d.format.empty() && !d.converter.empty(), "the format and converter are named");
}

// Bounds that keep one input cheap, and that the readers must stop at.
inline formats::ReadLimits small_limits() {
  formats::ReadLimits limits;
  limits.time_limit = std::chrono::milliseconds(5000);
  limits.max_text_bytes = 1 << 20;
  limits.max_entry_bytes = 4 << 20;
  limits.max_inflated_bytes = 8 << 20;
  limits.max_pages = 50;
  return limits;
}

}  // namespace vankho::fuzz
