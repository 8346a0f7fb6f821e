// "Did you mean": the query as typed, with each word that was typed without its marks replaced by
// the form the AccentRestorer reads from the index and the top hits (`nong thon moi` →
// `nông thôn mới`). Offered in the response, never applied.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accent_restorer.h"
#include "interpret.h"

namespace vankho::query {

// Whether the query's words (codes aside) include words without marks (numbers aside), and words
// with marks: the first asks for a suggestion, the second says that its writer types marks.
struct QueryMarks {
  bool unmarked = false, marked = false;
};
[[nodiscard]] QueryMarks marks_of(const InterpretedQuery& iq);

// `q` with its restored words, or nullopt when nothing would change. `context`: the analysed
// texts of the top hits.
[[nodiscard]] std::optional<std::string> did_you_mean(
    const std::string& q, const InterpretedQuery& iq, AccentRestorer& restorer,
    const std::vector<std::vector<text::Token>>& context);

}  // namespace vankho::query
