// Turns one source document and its extracted metadata into the Xapian document of the schema
// (schema.h): positional canonical and folded terms, syllable bigrams, filter terms, values, data.
#pragma once

#include <string_view>
#include <vector>
#include <xapian.h>

#include "analyzer.h"
#include "extract.h"
#include "ingest.h"

namespace vankho::index {

class DocumentBuilder {
 public:
  // `body` are the tokens of source.text (tokenized once, shared with extraction).
  [[nodiscard]] Xapian::Document build(const ingest::SourceDocument& source,
                                       const extract::DocumentMetadata& meta,
                                       std::string_view source_root,
                                       const std::vector<text::Token>& body);

 private:
  void add_tokens(Xapian::Document& doc, std::string_view text,
                  const std::vector<text::Token>& tokens, Xapian::termpos first_pos);
  std::vector<text::Token> title_tokens_;  // reused between documents
  std::string own_code_key_;         // the document's own code is not a citation of itself
};

// The inclusive YYYYMMDD range a document covers: its period, else its (partial) issue date.
struct DayRange {
  int from = 0, to = 0;  // 0 when unknown
};
[[nodiscard]] DayRange covered_days(const extract::DocumentMetadata& meta);

}  // namespace vankho::index
