// Portal boilerplate removal: whole lines of page furniture (`PublishingPortal - Block_...`,
// `Tăng cỡ chữ Giảm cỡ chữ`) dropped by rules kept in one user-extendable format; the rules
// shipped with vankho are indexer/ingest/boilerplate.txt, compiled in (the format is described
// at the top of that file).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest.h"

namespace vankho::ingest {

// The text of boilerplate.txt as it was at build time.
[[nodiscard]] std::string_view builtin_boilerplate_rules();

class Boilerplate {
 public:
  // Adds the rules in `rules` (boilerplate.txt format). Malformed rule lines are returned as
  // problems naming `source` and the line (skipped=false: the other rules still apply).
  std::vector<Problem> add_rules(std::string_view rules, const std::string& source);
  // Adds the rules of a file; a file that cannot be read is one problem.
  std::vector<Problem> add_rules_file(const std::string& path);

  // `text` without its boilerplate lines.
  [[nodiscard]] std::string strip(std::string_view text) const;
  // True when this (untrimmed) line is boilerplate.
  [[nodiscard]] bool matches(std::string_view line) const;

  [[nodiscard]] size_t size() const { return exact_.size() + prefixes_.size() + contained_.size(); }

  static constexpr size_t kMaxLineBytes = 400;

 private:
  [[nodiscard]] bool matches_key(const std::string& key) const;

  std::unordered_set<std::string> exact_;
  std::vector<std::string> prefixes_, contained_;
};

// Built-in rules plus those of `extra_file` (when not ""), with the problems found loading them.
[[nodiscard]] Boilerplate load_boilerplate(const std::string& extra_file,
                                           std::vector<Problem>& problems);

}  // namespace vankho::ingest
