// Fuzz target: vankho's own RTF reader (indexer/formats/converters/rtf_reader.h): tokenizer,
// groups and destinations, code pages, \uN with fallbacks, tables, footnotes, \info.
#include "memory_file.h"
#include "read_result_check.h"
#include "rtf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vankho;
  const std::string& path = fuzz::input_file().write(fuzz::as_text(data, size));
  fuzz::check_read_result(formats::read_rtf(path, fuzz::small_limits()));
  return 0;
}
