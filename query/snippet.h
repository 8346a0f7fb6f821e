// Snippets: the best passage of a document for a query, highlighted on the ORIGINAL text (so an
// unaccented query marks the accented words it matched), HTML-escaped, <mark> around matches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vankho::query {

struct SnippetQuery {
  std::vector<std::string> folded;  // folded query words
  std::vector<std::string> codes;   // code keys
  // For each folded word, the form the person typed when they typed marks ("" or absent: none).
  // Such a word is marked only where the text writes it that way (`đồng`, not `động`), unless the
  // text never does; words typed without marks match every accented form.
  std::vector<std::string> marked;
};

struct Snippet {
  std::string html;
  size_t start = 0;  // byte offset of the passage in the text (to find its section)
};

// `max_bytes` bounds the passage (before escaping). Without any match: the text's opening.
[[nodiscard]] Snippet make_snippet(std::string_view text, const SnippetQuery& q, size_t max_bytes = 260);

// Every match in the whole text highlighted (document view).
[[nodiscard]] std::string highlight_all(std::string_view text, const SnippetQuery& q);

enum class LineBreaks { kKeep, kToSpace };
[[nodiscard]] std::string html_escape(std::string_view s, LineBreaks breaks = LineBreaks::kKeep);

}  // namespace vankho::query
