// The query mixes vankho_gen writes beside an archive (`--queries PREFIX`), drawn from documents
// spread evenly over it, as /api/search request paths (one a line, percent-encoded) that searchd,
// wrk and the in-process benchmarks all read:
//   keyword mix: what people type into a search box — a phrase of a document's themes or 1 to 3
//     words of its text, with and without marks, its own or a cited code in the spellings people
//     use (13-NQ/TU, NQ 13, nghị quyết 13, nghi quyet so 13), periods (quý I năm 2025), words with
//     a province, and words with type= / year= filters;
//   question mix: questions of 8 to 15 words about a document's subject, province and period,
//     30 % of them unaccented.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document.h"
#include "rng.h"

namespace vankho::gen {

class QueryMixes {
 public:
  // For an archive of `documents`; the mixes get `keywords` and `questions` requests.
  QueryMixes(uint64_t seed, size_t documents, size_t keywords, size_t questions);
  // Takes the queries drawn from document g.plan.index; documents must come in order.
  void take(const Generated& g, const std::vector<GenTheme>& themes);
  [[nodiscard]] const std::vector<std::string>& keyword() const { return keyword_; }
  [[nodiscard]] const std::vector<std::string>& question() const { return question_; }

 private:
  std::string keyword_query(const Generated& g, const std::vector<GenTheme>& themes);
  std::string question_query(const Generated& g, const std::vector<GenTheme>& themes);

  Rng rng_;  // its own stream: asking for queries does not change the documents
  size_t documents_, keywords_, questions_;
  size_t next_keyword_ = 0, next_question_ = 0;
  std::vector<std::string> keyword_, question_;
};

}  // namespace vankho::gen
