// "Did you mean": restores the diacritics of an unaccented query from the index itself. Candidates
// for each folded syllable are its canonical forms in the index, by frequency; the documents that
// match the query decide between them by how their adjacent syllables are written
// (`nong thon moi` → `nông thôn mới`, `tham nhung` → `tham nhũng`, not `tham nhưng`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

#include "tokenize.h"

namespace vankho::query {

class AccentRestorer {
 public:
  explicit AccentRestorer(const Xapian::Database& db) : db_(db) {}

  // The most likely canonical word for each token, or nullopt when that is what was typed.
  // `context`: the analysed texts (text::tokenize) of documents matching the query (the top hits).
  // `writer_types_marks`: the
  // query has marked words, so an unmarked word that is common as typed is kept unless the context
  // writes it otherwise beside its neighbours and never as typed (`quốc gia`, `bao nhiêu` stay;
  // `tuyên giao` → `tuyên giáo`; rare unmarked words as in `nông thon moi` are restored freely).
  [[nodiscard]] std::optional<std::vector<std::string>> restore(
      const std::vector<text::Token>& tokens, const std::vector<std::vector<text::Token>>& context,
      bool writer_types_marks = false);

 private:
  struct Candidate {
    std::string word;
    double freq = 0;     // documents in the index with the word
    double in_context = 0;  // occurrences in the context texts
  };
  void load_vocabulary();

  const Xapian::Database& db_;
  bool loaded_ = false;
  std::unordered_map<std::string, std::vector<Candidate>> by_folded_;  // best first, at most 6
};

}  // namespace vankho::query
