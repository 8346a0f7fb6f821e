// Fuzz target: the PDF reader (indexer/formats/pdf) without OCR. Poppler itself is not
// instrumented: what this finds is in vankho's use of it (layout, fonts, legacy lines, limits).
#include "memory_file.h"
#include "pdf_reader.h"
#include "read_result_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vankho;
  const std::string& path = fuzz::input_file().write(fuzz::as_text(data, size));
  fuzz::check_read_result(formats::read_pdf(path, fuzz::small_limits()));
  return 0;
}
