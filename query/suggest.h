// "Did you mean": restores the diacritics of an unaccented query from the index itself — the
// canonical forms of each folded syllable weighted by how often they occur, and syllable bigrams
// deciding between them (`nong thon moi` → `nông thôn mới`, `tham nhung` → `tham nhũng`).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

#include "tokenize.h"

namespace vankho::query {

class AccentRestorer {
 public:
  explicit AccentRestorer(const Xapian::Database& db) : db_(db) {}

  // The most likely canonical word for each token, or nullopt when that is what was typed.
  [[nodiscard]] std::optional<std::vector<std::string>> restore(const std::vector<text::Token>& tokens);

 private:
  struct Candidate {
    std::string word;
    Xapian::doccount freq;
  };
  void load_vocabulary();

  const Xapian::Database& db_;
  bool loaded_ = false;
  std::unordered_map<std::string, std::vector<Candidate>> by_folded_;  // best first, at most 6
};

}  // namespace vankho::query
