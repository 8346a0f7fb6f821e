#include "did_you_mean.h"

namespace vankho::query {

QueryMarks marks_of(const InterpretedQuery& iq) {
  QueryMarks m;
  for (const auto& g : iq.groups) {
    for (const auto& t : g.tokens) {
      if (t.is_code) continue;
      if (t.norm != t.folded) {
        m.marked = true;
      } else if (t.norm.find_first_not_of("0123456789") != std::string::npos) {
        m.unmarked = true;
      }
    }
  }
  return m;
}

std::optional<std::string> did_you_mean(const std::string& q, const InterpretedQuery& iq,
                                        AccentRestorer& restorer,
                                        const std::vector<std::vector<text::Token>>& context) {
  struct Replacement {
    size_t start, end;
    std::string word;
  };
  std::vector<Replacement> replacements;
  const bool writer_types_marks = marks_of(iq).marked;
  size_t search_from = 0, group_pos = 0;
  const std::string* last_text = nullptr;
  for (const auto& g : iq.groups) {
    if (!last_text || *last_text != g.text) {  // the pieces of one unit share its text
      const size_t at = q.find(g.text, search_from);
      if (at == std::string::npos) return std::nullopt;
      group_pos = at;
      search_from = at + g.text.size();
      last_text = &g.text;
    }
    if (g.phrase) continue;
    auto restored = restorer.restore(g.tokens, context, writer_types_marks);
    if (!restored) continue;
    for (size_t i = 0; i < g.tokens.size(); ++i) {
      if ((*restored)[i] != g.tokens[i].norm) {
        replacements.push_back(
            {group_pos + g.tokens[i].start, group_pos + g.tokens[i].end, (*restored)[i]});
      }
    }
  }
  if (replacements.empty()) return std::nullopt;
  std::string out;
  size_t pos = 0;
  for (const auto& r : replacements) {
    out.append(q, pos, r.start - pos).append(r.word);
    pos = r.end;
  }
  out.append(q, pos);
  return out;
}

}  // namespace vankho::query
