// Fuzz target: the line reader of JSON-lines exports (indexer/ingest/gzip_lines.h), plain or gzip,
// with small limits so that over-long lines and the decompressed-size cap are reached.
#include "fuzz_check.h"
#include "gzip_lines.h"
#include "memory_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vankho;
  const std::string& path = fuzz::input_file().write(fuzz::as_text(data, size));
  constexpr ingest::LineLimits kLimits{.max_line_bytes = 200, .max_total_bytes = 1 << 16};
  ingest::LineReader reader(path, kLimits);
  // Not ok(): the first chunk is read when opening, and it may already be corrupt.
  FUZZ_CHECK(reader.ok() || !reader.error().empty(), "a reason when it fails");
  FUZZ_CHECK(reader.file_size() == size, "the file's size");
  ingest::Line line;
  size_t lines = 0;
  while (reader.next(line)) {
    FUZZ_CHECK(line.number == ++lines, "lines numbered 1, 2, 3, ...");
    FUZZ_CHECK(line.too_long == (line.length > kLimits.max_line_bytes), "too_long exactly past the limit");
    FUZZ_CHECK(line.too_long ? line.text.empty() : line.text.size() <= line.length,
               "a line's text at most its length, none when too long");
    FUZZ_CHECK(line.text.find('\n') == std::string_view::npos, "no '\\n' inside a line");
  }
  FUZZ_CHECK(reader.decompressed_bytes() <= kLimits.max_total_bytes + (1u << 20),
             "reading stops within a chunk of the size limit");
  FUZZ_CHECK(fuzz::valid_utf8(reader.error()), "the error is printable");
  return 0;
}
