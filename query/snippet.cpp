#include "snippet.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "terms.h"
#include "tokenize.h"
#include "utf8.h"

namespace vankho::query {
namespace {

constexpr size_t kSnippetScanBytes = 32 * 1024;
constexpr size_t kSnippetPieceBytes = 2 * 1024;

// Which query word a token is (-1: none); words are numbered query words first, then codes.
class WordMatcher {
 public:
  explicit WordMatcher(const SnippetQuery& q) : words_(q.words) {
    for (size_t i = 0; i < q.words.size(); ++i) ids_.emplace(q.words[i].folded, static_cast<int>(i));
    for (size_t i = 0; i < q.codes.size(); ++i) ids_.emplace(q.codes[i], static_cast<int>(q.words.size() + i));
    for (const auto& [a, b] : q.pairs) pairs_.insert(a + ' ' + b);  // schema::bigram_key's form
    size_ = q.words.size() + q.codes.size();
  }
  // The word the token folds to, whatever its marks.
  [[nodiscard]] int operator()(const text::Token& t) const {
    const auto it = ids_.find(t.folded);
    return it == ids_.end() ? -1 : it->second;
  }
  [[nodiscard]] const SnippetWord* word(int id) const {
    return static_cast<size_t>(id) < words_.size() ? &words_[static_cast<size_t>(id)] : nullptr;
  }
  // Whether the token, already matched to `id`, is written as the person typed it.
  [[nodiscard]] bool exact(const text::Token& t, int id) const {
    const SnippetWord* w = word(id);
    return !w || w->marked.empty() || t.norm == w->marked;
  }
  [[nodiscard]] double weight(int id) const {
    const SnippetWord* w = word(id);
    return w ? w->weight : 1.0;
  }
  [[nodiscard]] bool only_in_pairs(int id) const {
    const SnippetWord* w = word(id);
    return w && w->only_in_pairs;
  }
  // Whether the text has `a` and `b` side by side (schema::adjacent) as the query typed them.
  [[nodiscard]] bool typed_together(std::string_view text, const text::Token& a, const text::Token& b) const {
    return !pairs_.empty() && schema::adjacent(text, a, b) && pairs_.contains(schema::bigram_key(a, b));
  }
  // The words a passage can show, wherever the text has them (those marked only in pairs aside).
  [[nodiscard]] size_t distinct_words() const {
    std::unordered_set<int> ids;
    for (const auto& [folded, id] : ids_) {
      if (!only_in_pairs(id)) ids.insert(id);
    }
    return ids.size();
  }
  [[nodiscard]] size_t size() const { return size_; }

 private:
  const std::vector<SnippetWord>& words_;
  std::unordered_map<std::string_view, int> ids_;
  std::unordered_set<std::string> pairs_;
  size_t size_ = 0;
};

// Where the text has a run of SnippetQuery::runs as typed (each token the next word, side by side):
// the run's words are kept only in such occurrences, and each occurrence's tokens are joined into
// one mark (`joined[i]`: token i and i + 1 are one mark).
void keep_runs(std::string_view text, const std::vector<text::Token>& tokens, std::vector<int>& matched,
               const SnippetQuery& q, std::vector<bool>& joined) {
  joined.assign(tokens.size(), false);
  std::vector<bool> in_run(tokens.size(), false);
  std::unordered_set<std::string_view> run_words;  // words of the runs the text has
  for (const auto& run : q.runs) {
    bool found = false;
    for (size_t i = 0; i + run.size() <= tokens.size(); ++i) {
      size_t k = 0;
      while (k < run.size() && matched[i + k] >= 0 && tokens[i + k].folded == run[k] &&
             (k == 0 || schema::adjacent(text, tokens[i + k - 1], tokens[i + k]))) {
        ++k;
      }
      if (k < run.size()) continue;
      found = true;
      for (k = 0; k < run.size(); ++k) {
        in_run[i + k] = true;
        if (k + 1 < run.size()) joined[i + k] = true;
      }
    }
    if (found) run_words.insert(run.begin(), run.end());
  }
  if (run_words.empty()) return;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (matched[i] >= 0 && !in_run[i] && run_words.contains(tokens[i].folded)) matched[i] = -1;
  }
}

// Keeps, for each word typed with marks, only the tokens written that way, if the text has any;
// the words of a run only in its occurrences, where the text has one (keep_runs); and words marked
// only in pairs only in runs of typed pairs that hold another word. Returns keep_runs' `joined`.
std::vector<bool> keep_wanted_forms(std::string_view text, const std::vector<text::Token>& tokens,
                                    std::vector<int>& matched, const WordMatcher& match, const SnippetQuery& q) {
  std::vector<bool> has_exact(match.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (matched[i] >= 0 && match.exact(tokens[i], matched[i])) has_exact[static_cast<size_t>(matched[i])] = true;
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (matched[i] >= 0 && has_exact[static_cast<size_t>(matched[i])] && !match.exact(tokens[i], matched[i])) {
      matched[i] = -1;
    }
  }
  std::vector<bool> joined;
  keep_runs(text, tokens, matched, q, joined);
  for (size_t first = 0; first < tokens.size();) {  // runs of tokens linked by typed pairs
    size_t last = first;
    while (last + 1 < tokens.size() && matched[last] >= 0 && matched[last + 1] >= 0 &&
           match.typed_together(text, tokens[last], tokens[last + 1])) {
      ++last;
    }
    bool anchored = false;
    for (size_t i = first; i <= last; ++i) {
      anchored = anchored || (matched[i] >= 0 && !match.only_in_pairs(matched[i]));
    }
    for (size_t i = first; i <= last; ++i) {
      if (!anchored && matched[i] >= 0 && match.only_in_pairs(matched[i])) matched[i] = -1;
    }
    first = last + 1;
  }
  return joined;
}

// The matched tokens within text[from, to), as ranges shifted by `shift` (from's place in the
// output); tokens joined to the next (keep_runs) extend one range.
void append_marks(std::vector<MarkedText::Mark>& out, size_t from, size_t to, size_t shift,
                  const std::vector<text::Token>& tokens, const std::vector<int>& matched,
                  const std::vector<bool>& joined) {
  bool extend = false;  // the previous token was joined to this one
  for (size_t i = 0; i < tokens.size(); ++i) {
    const bool inside = matched[i] >= 0 && tokens[i].start >= from && tokens[i].end <= to;
    const auto end = static_cast<uint32_t>(tokens[i].end - from + shift);
    if (inside && extend && !out.empty()) {
      out.back().end = end;
    } else if (inside) {
      out.push_back({static_cast<uint32_t>(tokens[i].start - from + shift), end});
    }
    extend = inside && joined[i];
  }
}

// The passage text: line breaks as spaces (a snippet is one line).
void append_passage(std::string& out, std::string_view text) {
  const size_t first = out.size();
  out.append(text);
  std::replace(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), '\n', ' ');
}

constexpr std::string_view kCutBefore = "… ", kCutAfter = " …";

// The best passage among `tokens` (the analysed text[0, its end)), marked; `full_size`: the whole
// text's size, to show that more follows.
Snippet best_passage(std::string_view text, size_t full_size, const std::vector<text::Token>& tokens,
                     std::vector<int>& matched, const WordMatcher& match, const SnippetQuery& q, size_t max_bytes) {
  const std::vector<bool> joined = keep_wanted_forms(text, tokens, matched, match, q);
  // Best window: the most weight of distinct query words, then adjacent matched pairs, then matches.
  size_t best_first = 0;
  double best_score = -1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (matched[i] < 0) continue;
    std::unordered_set<int> distinct;
    double score = 0;
    for (size_t j = i; j < tokens.size() && tokens[j].end - tokens[i].start <= max_bytes; ++j) {
      if (matched[j] < 0) continue;
      const double w = match.weight(matched[j]);
      score += w;
      if (distinct.insert(matched[j]).second) score += 10 * w;
      if (j > i && matched[j - 1] >= 0) score += 3 * w;
    }
    if (score > best_score) {
      best_score = score;
      best_first = i;
    }
  }
  Snippet s;
  if (tokens.empty()) {
    append_passage(s.passage.text, text.substr(0, text::code_point_start(text, std::min(text.size(), max_bytes))));
    return s;
  }
  // Start a little before the first match, at a token boundary, and cut at a token end.
  size_t first = best_first;
  while (first > 0 && best_first - first < 4 && tokens[best_first].end - tokens[first - 1].start < max_bytes / 3) {
    --first;
  }
  size_t from = tokens[first].start;
  // Prefer the start of the line or sentence when it is close.
  const size_t line = text.rfind('\n', from);
  if (line != std::string_view::npos && from - line <= 40) from = line + 1;
  if (line == std::string_view::npos && from <= 40) from = 0;
  size_t to = from;
  for (size_t j = first; j < tokens.size() && tokens[j].end - from <= max_bytes; ++j) to = tokens[j].end;
  if (to == from) to = text::code_point_start(text, std::min(text.size(), from + max_bytes));
  if (to < text.size() && to - from < max_bytes) {
    const size_t stop = text.find_first_of(".;\n", to);
    if (stop != std::string_view::npos && stop + 1 - from <= max_bytes) to = stop + 1;
  }
  s.start = from;
  if (from > 0) s.passage.text = kCutBefore;
  append_marks(s.passage.marks, from, to, s.passage.text.size(), tokens, matched, joined);
  append_passage(s.passage.text, text.substr(from, to - from));
  if (to < full_size) s.passage.text += kCutAfter;
  return s;
}

}  // namespace

Snippet make_snippet(std::string_view full_text, const SnippetQuery& q, size_t max_bytes) {
  // The passage is chosen from the opening kSnippetScanBytes, tokenized a piece at a time: once
  // every query word has been seen (and one more piece, to complete the windows around them) the
  // rest is not read. Tokenizing all of a long document for every hit would dominate query time.
  std::string_view text =
      full_text.substr(0, text::code_point_start(full_text, std::min(full_text.size(), kSnippetScanBytes)));
  std::vector<text::Token> tokens;
  std::vector<int> matched;
  const WordMatcher match(q);
  const size_t wanted = match.distinct_words();
  std::unordered_set<int> seen;
  size_t done = 0;
  bool last_piece = false;
  while (done < text.size()) {
    size_t end = std::min(text.size(), done + kSnippetPieceBytes);
    if (end < text.size()) {  // cut at white space, so that no word is split
      const size_t space = text.find_first_of(" \n\t", end);
      end = space == std::string_view::npos ? text.size() : space;
    }
    const size_t first_new = tokens.size();
    text::tokenize(text.substr(done, end - done), tokens, tokens.empty() ? 0 : tokens.back().pos + 1);
    for (size_t i = first_new; i < tokens.size(); ++i) {
      tokens[i].start += static_cast<uint32_t>(done);
      tokens[i].end += static_cast<uint32_t>(done);
      matched.push_back(match(tokens[i]));
      if (matched.back() >= 0 && !match.only_in_pairs(matched.back())) seen.insert(matched.back());
    }
    done = end;
    if (last_piece) break;
    last_piece = wanted > 0 && seen.size() == wanted;
  }
  return best_passage(text.substr(0, done), full_text.size(), tokens, matched, match, q, max_bytes);
}

Snippet make_snippet(std::string_view text, const std::vector<text::Token>& tokens, const SnippetQuery& q,
                     size_t max_bytes) {
  const WordMatcher match(q);
  std::vector<int> matched(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) matched[i] = match(tokens[i]);
  return best_passage(text, text.size(), tokens, matched, match, q, max_bytes);
}

std::vector<MarkedText::Mark> highlight_all(std::string_view text, const SnippetQuery& q) {
  std::vector<text::Token> tokens;
  text::tokenize(text, tokens);
  const WordMatcher match(q);
  std::vector<int> matched(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) matched[i] = match(tokens[i]);
  const std::vector<bool> joined = keep_wanted_forms(text, tokens, matched, match, q);
  std::vector<MarkedText::Mark> marks;
  append_marks(marks, 0, text.size(), 0, tokens, matched, joined);
  return marks;
}

}  // namespace vankho::query
