// The syllable-bigram chain vankho_gen writes running text with (built from the legal corpus by
// make_model.py; its format is described there). Sentences come out with the corpus's word and
// word-pair frequencies, which is what vankho's index and ranking see.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rng.h"

namespace vankho::gen {

class BigramModel {
 public:
  // Parses the model's text (already decompressed); nullopt with `error` saying where it is wrong.
  [[nodiscard]] static std::optional<BigramModel> parse(std::string_view text, std::string& error);

  // Appends one sentence: 5 to 45 tokens, first letter in capitals, commas attached to the word
  // before them, `#` written as a small number, ending with `.`.
  void sentence(Rng& rng, std::string& out) const;

  [[nodiscard]] size_t tokens() const { return words_.size(); }
  [[nodiscard]] size_t pairs() const { return next_.size(); }

 private:
  // Next token after `id`, drawn by the pair counts.
  [[nodiscard]] uint32_t follow(Rng& rng, uint32_t id) const;

  std::vector<std::string> words_;
  std::vector<uint32_t> row_;   // row_[id] .. row_[id + 1]: id's successors in next_ / cumulative_
  std::vector<uint32_t> next_;  // successor ids
  std::vector<uint64_t> cumulative_;  // running count within the row, for drawing
};

}  // namespace vankho::gen
