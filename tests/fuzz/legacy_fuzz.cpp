// Fuzz target: legacy Vietnamese encodings (indexer/formats/legacy): detection and conversion of a
// plain file's raw bytes, of a run of Unicode text under a font's hint, the syllable score.
// Input: bytes, then (after 0x1E) a font name, then an --encoding name; both may be empty.
#include <algorithm>
#include <string>

#include "decode.h"
#include "fields.h"
#include "fuzz_check.h"
#include "legacy_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vankho;
  using formats::Encoding;
  const auto [bytes, font, encoding] = fuzz::split_fields<3>(fuzz::as_text(data, size));
  const std::optional<formats::FontHint> hint = formats::font_hint(font);
  const std::optional<Encoding> forced = formats::parse_encoding(encoding);

  const formats::DecodedBytes decoded = formats::decode_legacy_bytes(bytes, forced);
  FUZZ_CHECK(fuzz::valid_utf8(decoded.text), "decoded bytes are valid UTF-8");
  size_t lines = 0;
  for (const auto& [e, n] : decoded.lines_by_encoding) lines += n;
  FUZZ_CHECK(lines <= static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1,
             "each line counted once");

  // A run as the office and PDF readers pass it: valid UTF-8.
  const std::string run = text::decode(bytes).text;
  const formats::Repaired repaired = formats::repair_run(run, hint, forced);
  FUZZ_CHECK(fuzz::valid_utf8(repaired.text), "a repaired run is valid UTF-8");
  FUZZ_CHECK(repaired.encoding != Encoding::kUnicode || repaired.text == run,
             "a run left as Unicode is unchanged");
  const double share = formats::vietnamese_syllable_share(run);
  FUZZ_CHECK(share >= 0 && share <= 1, "a share from 0 to 1");
  return 0;
}
