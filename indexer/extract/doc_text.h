// Internal: the document as the extraction stages see it — its text, its analyzer tokens and its
// lines — with the small questions every stage asks (is this token capitalized, what lies between
// two tokens, do these tokens spell that phrase). Built once per document; never copies the text.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "tokenize.h"

namespace vankho::extract::detail {

// A line without its surrounding blanks: bytes [start, end) and tokens [first_token, end_token).
struct Line {
  uint32_t start = 0, end = 0;
  uint32_t first_token = 0, end_token = 0;
  [[nodiscard]] bool blank() const { return start == end; }
  [[nodiscard]] size_t token_count() const { return end_token - first_token; }
};

// Folded words of a phrase, split once: Phrase("ban chap hanh").
class Phrase {
 public:
  explicit Phrase(std::string_view folded_words);
  [[nodiscard]] const std::vector<std::string>& words() const { return words_; }
  [[nodiscard]] size_t size() const { return words_.size(); }

 private:
  std::vector<std::string> words_;
};

class DocText {
 public:
  // `tokens` are those of `text` (text::tokenize from position 0), or nullptr to tokenize here.
  DocText(std::string_view text, const std::vector<text::Token>* tokens);
  DocText(const DocText&) = delete;
  DocText& operator=(const DocText&) = delete;

  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] const std::vector<text::Token>& tokens() const { return *tokens_; }
  [[nodiscard]] size_t size() const { return tokens_->size(); }
  [[nodiscard]] const text::Token& token(size_t i) const { return (*tokens_)[i]; }
  [[nodiscard]] std::string_view raw(size_t i) const { return token(i).text(text_); }
  [[nodiscard]] const std::vector<Line>& lines() const { return lines_; }
  [[nodiscard]] std::string_view line_text(const Line& l) const {
    return text_.substr(l.start, l.end - l.start);
  }
  // Index of the line holding byte `offset`.
  [[nodiscard]] size_t line_of(uint32_t offset) const;

  // The text between token i-1 and token i (from the text start for i == 0, to the end for size()).
  [[nodiscard]] std::string_view gap(size_t i) const;
  // True when the gap before token i holds only blanks (no punctuation, no line break).
  [[nodiscard]] bool plain_gap(size_t i) const;
  // Text of tokens [first, last) as written, punctuation between them included.
  [[nodiscard]] std::string_view span(size_t first, size_t last) const;

  [[nodiscard]] bool folded_is(size_t i, std::string_view folded) const {
    return i < size() && token(i).folded == folded;
  }
  // Tokens from i spell the phrase (folded), with no sentence punctuation between them.
  [[nodiscard]] bool matches(size_t i, const Phrase& phrase) const;
  [[nodiscard]] bool capitalized(size_t i) const;  // first letter upper case
  [[nodiscard]] bool all_upper(size_t i) const;    // every letter upper case (and one at least)
  [[nodiscard]] bool is_number(size_t i) const;    // ASCII digits only

 private:
  std::string_view text_;
  std::vector<text::Token> own_tokens_;
  const std::vector<text::Token>* tokens_;
  std::vector<Line> lines_;
};

// Character-level helpers on UTF-8 text (ICU's case properties).
[[nodiscard]] bool has_lower(std::string_view s);
[[nodiscard]] bool has_upper(std::string_view s);
[[nodiscard]] std::string to_lower(std::string_view s);
[[nodiscard]] std::string lower_first(std::string_view s);  // "Công tác" → "công tác"
// Without surrounding blanks (any Unicode space) and markdown emphasis stars.
[[nodiscard]] std::string_view trim(std::string_view s);
// End of the run of upper-case words of `s` from `pos` (pos itself when there is none), counting
// them in `upper_words`. A word glued to the next one is cut where the lower-case word starts:
// `TRÌNHlàm` before `l`, `2022Thời` before `T` (a capital after a non-letter starts a word).
[[nodiscard]] size_t upper_run_end(std::string_view s, size_t pos, int& upper_words);
// The roman numeral's value (I..XXXIX, any case), or 0.
[[nodiscard]] int roman_value(std::string_view s);
// Bytes of the blank (space, tab, NBSP or another Unicode space, not a line break) at s[i], or 0.
[[nodiscard]] size_t blank_at(std::string_view s, size_t i);
// True when `gap` holds only blanks and at most `commas` commas (and, with `fillers`, the dots
// and underscores that blank forms use: `ngày ..... tháng`).
[[nodiscard]] bool blank_gap(std::string_view gap, int commas = 0, bool fillers = false);
// True when the gap text ends a clause: any of . ; : ! ? or a line break.
[[nodiscard]] bool ends_clause(std::string_view gap);

}  // namespace vankho::extract::detail
