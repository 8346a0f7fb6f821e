// Internal: the title block — the type heading (`CHƯƠNG TRÌNH`, `NGHỊ QUYẾT`, ... in capitals)
// with the lines that complete it (`làm việc tháng 9 năm 2022 của Ban Thường vụ Tỉnh ủy`), or a
// news report's dateline (`09/10/2020`) and headline; else the first line of text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "doc_text.h"
#include "extract.h"

namespace vankho::extract::detail {

struct TitleBlock {
  enum class Source { kHeading, kNews, kFirstLine, kNone };
  Source source = Source::kNone;
  const DocType* type = nullptr;  // the heading's type, tin-bai for a news report, else nullptr
  std::string title;              // sentence case, emphasis marks removed
  size_t header_end = 0;          // lines [0, header_end) precede the title: the header block
  size_t body_start = 0;          // the first line after the title block
  std::optional<Date> dateline;   // a news report's date line
};

[[nodiscard]] TitleBlock find_title(const DocText& d);

// The type named by the capitals at the start of `line` (longest label wins), and the byte offset
// just after the type words; nullptr when the line does not start with a type in capitals.
[[nodiscard]] const DocType* type_heading(std::string_view line, size_t& after);

}  // namespace vankho::extract::detail
