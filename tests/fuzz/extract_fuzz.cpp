// Fuzz target: metadata extraction (indexer/extract/extract.h) over a document's text and the
// fields a JSON-lines record may supply, then its --extract JSON (which throws on invalid UTF-8).
// Input: text, then title, number, date and type, separated by 0x1E.
#include <nlohmann/json.hpp>
#include <string>

#include "decode.h"
#include "extract.h"
#include "fields.h"
#include "fuzz_check.h"

namespace {

using namespace vankho;

std::string utf8(std::string_view bytes) { return text::decode(bytes).text; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto [body, title, number, date, type] = fuzz::split_fields<5>(fuzz::as_text(data, size));
  const std::string text = utf8(body);
  extract::ExtractInput input;
  input.id = "fuzz.txt";
  input.text = text;
  input.title = utf8(title);
  input.number = utf8(number);
  input.date = utf8(date);
  input.type = utf8(type);
  const extract::DocumentMetadata m = extract::extract(input, extract::ThemeTaxonomy::builtin());

  for (const extract::Section& s : m.sections) {
    FUZZ_CHECK(s.start <= s.end && s.end <= text.size(), "a section's bytes inside the text");
    FUZZ_CHECK(s.level >= 1, "section levels from 1");
  }
  for (const extract::Citation& c : m.citations) {
    FUZZ_CHECK(!c.code.empty() && !c.key.empty(), "a citation has its code and key");
  }
  if (m.period) {
    FUZZ_CHECK(m.period->from.sortable() <= m.period->to.sortable(), "a period starts before it ends");
  }
  (void)extract::to_json(m).dump();
  return 0;
}
