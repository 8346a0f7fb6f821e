// Search-box completions: an immutable in-memory prefix index of document titles, document codes
// and frequent phrases (the heaviest syllable bigrams, in their usual spelling), matched on folded
// text so that `nong th` completes to `nông thôn`. Built from one index revision
// (Searcher::completions()); immutable, so one can be shared by every thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class Database;
}

namespace vankho::query {

enum class CompletionKind : uint8_t { kPhrase, kCode, kTitle };

struct Completion {
  std::string text;  // as shown: "nông thôn mới", "13-NQ/TW", a title
  CompletionKind kind = CompletionKind::kPhrase;
  std::string id;    // the document, for titles
};

[[nodiscard]] const char* kind_name(CompletionKind kind);

class CompletionIndex {
 public:
  struct Limits {
    size_t phrases = 20000;          // most frequent bigrams kept
    size_t title_words = 16;         // a title is found from any of its first N words
    uint64_t sample_terms = 3000000;  // index terms' worth of text read for phrase spellings
  };

  // Reads every document's title and code, the codes cited, and the most frequent bigrams.
  // Throws Xapian::Error (Searcher::completions() turns it into the query API's errors).
  [[nodiscard]] static std::shared_ptr<const CompletionIndex> build(const Xapian::Database& db, Limits limits);
  [[nodiscard]] static std::shared_ptr<const CompletionIndex> build(const Xapian::Database& db) {
    return build(db, Limits{});
  }

  // Up to `limit` completions of what was typed (accents, case and punctuation ignored).
  [[nodiscard]] std::vector<Completion> complete(std::string_view typed, size_t limit) const;

  [[nodiscard]] size_t size() const { return entries_.size(); }

  // The matching form: folded, lower case, runs of anything but letters and digits as one space.
  // A trailing space is kept when `keep_trailing_space` (the user finished a word).
  [[nodiscard]] static std::string key_of(std::string_view text, bool keep_trailing_space = false);

 private:
  struct Entry {
    std::string text, id, key;
    uint32_t weight = 0;
    CompletionKind kind = CompletionKind::kPhrase;
  };
  struct Start {
    uint32_t entry;
    uint32_t offset;  // a word start inside the entry's key
  };
  void add(std::string text, std::string key, std::string id, uint32_t weight, CompletionKind kind,
           size_t max_starts);
  void finish();
  [[nodiscard]] std::string_view suffix(const Start& s) const;

  std::vector<Entry> entries_;
  std::vector<Start> starts_;                // sorted by suffix
  std::vector<uint32_t> by_weight_[3];       // per kind: indices into starts_, heaviest first
};

}  // namespace vankho::query
