// The term vocabulary of the index, in one place: which terms stand for a token (its canonical
// word, its folded word, the folded bigram of two tokens) and when two tokens are adjacent enough
// to form a bigram. The document builder writes with these; the planner, the title rerank, the
// snippet and the completion index read with the same ones, so that a bigram a query asks for is
// one a document can hold.
#pragma once

#include <string>
#include <string_view>

#include "schema.h"
#include "tokenize.h"

namespace vankho::schema {

// Xapian's limit is 245 bytes a term; the writer never adds a longer one.
inline constexpr size_t kMaxTermBytes = 240;

// The canonical syllable as indexed (no prefix, wdf only): "uỷ".
[[nodiscard]] inline const std::string& word_term(const text::Token& t) { return t.norm; }

// The positional folded syllable: "Fuy".
[[nodiscard]] std::string folded_term(std::string_view folded);
[[nodiscard]] inline std::string folded_term(const text::Token& t) { return folded_term(t.folded); }

// The term that finds a word as someone typed it: its canonical term when typed with marks (only
// that spelling), else its folded term (every spelling).
[[nodiscard]] std::string typed_word_term(const text::Token& t);

// Whether `b` follows `a` closely enough to form a bigram: both are words (not document codes),
// at consecutive positions, and no sentence punctuation — `. ; : ! ? ( ) [ ] "` or a line break —
// lies between them in `text` (the text both were tokenized from). So `Tỉnh ủy. Ban` pairs
// `tỉnh ủy` but not `ủy ban`; blanks, commas and dashes do not break (`phòng, chống` pairs).
[[nodiscard]] bool adjacent(std::string_view text, const text::Token& a, const text::Token& b);

// The folded words of an adjacent pair, space-joined: "tinh uy" (completion and title coverage
// compare these).
[[nodiscard]] std::string bigram_key(const text::Token& a, const text::Token& b);

// The folded bigram term of an adjacent pair: "Gtinh uy".
[[nodiscard]] std::string bigram_term(const text::Token& a, const text::Token& b);

// The filter term of a parent key (`--field parent=...`): the code's key when the key is a
// document code, so that `57/2020/qh14` finds `57/2020/QH14`, else its folded text: "XG57/2020/QH14".
[[nodiscard]] std::string parent_term(std::string_view parent);

}  // namespace vankho::schema
