// Snippets: the best passage of a document for a query, with its matches as byte ranges on the
// ORIGINAL text (so an unaccented query marks the accented words it matched). No markup here: each
// face renders the ranges (search_json.h: HTML <mark>).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "searcher.h"
#include "tokenize.h"

namespace vankho::query {

// A query word as the highlighter sees it.
struct SnippetWord {
  std::string folded;
  // The form the person typed when they typed marks ("": none). Such a word is marked only where
  // the text writes it that way (`đồng`, not `động`), unless the text never does; words typed
  // without marks match every accented form.
  std::string marked;
  // How much the word says (its idf; the rarest word 1). The passage shown is the one with the
  // most weight of distinct words, so that a question's rare words (`lưu ký`) choose it rather than
  // the function words around them (`được`, `trong`).
  double weight = 1.0;
  // A word most documents have (`giấy` of `giấy chứng nhận` in a question): marked only in a run
  // of words the text has in the order they were typed (SnippetQuery::pairs) that holds a word
  // without this flag, not wherever the text has it.
  bool only_in_pairs = false;
};

struct SnippetQuery {
  std::vector<SnippetWord> words;
  std::vector<std::string> codes;  // code keys
  std::vector<std::pair<std::string, std::string>> pairs;  // folded words typed side by side, in order
  // Runs of two or more words typed side by side (folded, in order: `chuyen doi so`). Where a text
  // has a run as typed, its words are marked only in its occurrences, each one mark (`chuyển đổi
  // số`, not every `số`, `sơ` and `đời`); where it has none, each word is marked on its own.
  std::vector<std::vector<std::string>> runs;
};

struct Snippet {
  MarkedText passage;  // "… " before and " …" after when cut; line breaks as spaces
  size_t start = 0;    // byte offset of the passage in the text (to find its section)
};

// `max_bytes` bounds the passage (before escaping). Without any match: the text's opening.
[[nodiscard]] Snippet make_snippet(std::string_view text, const SnippetQuery& q, size_t max_bytes = 260);
// The same, from all of the text's tokens (text::tokenize), when the caller has analysed it already.
[[nodiscard]] Snippet make_snippet(std::string_view text, const std::vector<text::Token>& tokens,
                                   const SnippetQuery& q, size_t max_bytes = 260);

// Every match in the whole text (document view).
[[nodiscard]] std::vector<MarkedText::Mark> highlight_all(std::string_view text, const SnippetQuery& q);

}  // namespace vankho::query
