// Fuzz target: the HTML reader (indexer/ingest/html_reader.h) on decoded bytes, as the ingest
// calls it for .html files and for converters' HTML output. Malformed markup never throws.
#include <string>

#include "decode.h"
#include "fuzz_check.h"
#include "html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vankho;
  const std::string html = text::decode(fuzz::as_text(data, size)).text;
  const ingest::HtmlText out = ingest::html_to_text(html);
  FUZZ_CHECK(fuzz::valid_utf8(out.text), "text is valid UTF-8 (character references included)");
  FUZZ_CHECK(fuzz::valid_utf8(out.title), "the title is valid UTF-8");
  FUZZ_CHECK(out.title.find('\n') == std::string::npos, "the title is one line");
  return 0;
}
