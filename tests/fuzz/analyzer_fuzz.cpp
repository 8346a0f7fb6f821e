// Fuzz target: the analysis chain (indexer/text) on arbitrary bytes, as the indexer runs it on a
// file and the query side on what a person typed: decode → normalize → fold → tokenize, and the
// document-code matcher at every place a code may start.
#include <string>
#include <vector>

#include "analyzer.h"
#include "fuzz_check.h"

namespace {

using namespace vankho;

void check_tokens(std::string_view input, const std::vector<text::Token>& tokens) {
  uint32_t last_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    FUZZ_CHECK(t.pos == i, "positions 0, 1, 2, ... in order");
    FUZZ_CHECK(t.start < t.end && t.end <= input.size(), "a token's bytes inside the input, never empty");
    FUZZ_CHECK(t.start >= last_end, "tokens in order, not overlapping");
    FUZZ_CHECK(!t.norm.empty() && !t.folded.empty(), "every token has a canonical and a folded form");
    FUZZ_CHECK(t.is_code || t.end - t.start <= text::kMaxTokenBytes, "words cut at kMaxTokenBytes");
    last_end = t.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw = fuzz::as_text(data, size);
  const text::DecodedText decoded = text::decode(raw);
  FUZZ_CHECK(fuzz::valid_utf8(decoded.text), "decode() returns valid UTF-8");
  FUZZ_CHECK(decoded.text.find('\r') == std::string::npos, "decode() leaves only \\n line ends");
  FUZZ_CHECK(decoded.invalid_sequences <= size, "at most one U+FFFD per input byte");

  const std::string normalized = text::normalize(decoded.text);
  FUZZ_CHECK(fuzz::valid_utf8(normalized), "normalize() keeps valid UTF-8");
  FUZZ_CHECK(fuzz::valid_utf8(text::fold(decoded.text)), "fold() keeps valid UTF-8");

  const std::vector<text::Token> tokens = text::analyze(decoded.text);
  check_tokens(decoded.text, tokens);
  for (const text::Token& t : tokens) {
    FUZZ_CHECK(fuzz::valid_utf8(t.norm) && fuzz::valid_utf8(t.folded), "terms are valid UTF-8");
    if (t.is_code) {
      FUZZ_CHECK(text::parse_code(t.norm).has_value(), "a code token's canonical form parses as a code");
      continue;
    }
    // The query side re-analyzes canonical text (suggestions, highlights): a canonical word must
    // stay what it is.
    std::string norm, folded;
    text::normalize_word(t.norm, norm, folded);
    FUZZ_CHECK(norm == t.norm && folded == t.folded, "normalize_word() is idempotent");
  }
  // Bytes that were never decoded (a caller that skipped decode()) must not crash either.
  check_tokens(raw, text::analyze(raw));
  (void)text::parse_code(decoded.text);
  return 0;
}
