// The extraction vocabulary that the query side shares with the indexer: document types (slug,
// label, code letters), the theme taxonomy, and the calendar. No extraction and no I/O beyond
// loading a taxonomy file; query/ links this library, not the extractor.
#pragma once

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tokenize.h"

namespace vankho::extract {

// Grows whenever extraction gives something else for the same text (2: every theme over the
// threshold is kept, not the best five; 3: `điện tử năm 2016` is a period). Each document's stored content hash carries it
// (schema::hash_value), so the next indexing run after a change extracts every document again.
inline constexpr int kExtractionVersion = 3;

struct ThemeScore {
  std::string id;     // "chuyen-doi-so"
  std::string label;  // "Chuyển đổi số"
  double score = 0;   // > 0; higher is more central to the document
};

// A theme defined by phrases; see themes.tsv for the format.
struct Theme {
  std::string id, label;
  std::vector<std::string> phrases;  // as written in the file (any accent style)
};

// The taxonomy file: UTF-8, one theme per line, three tab-separated columns
//   id <TAB> label <TAB> phrase | phrase | ...
// `#` starts a comment line; blank lines are ignored; a repeated id adds phrases. Phrases match as
// adjacent canonical tokens, so accent style (hoà/hòa) and punctuation between words do not matter.
class ThemeTaxonomy {
 public:
  // The taxonomy shipped with vankho (themes.tsv compiled in).
  static const ThemeTaxonomy& builtin();
  // Loads a user-edited taxonomy; on error returns nullopt and sets `error` (file:line: reason).
  [[nodiscard]] static std::optional<ThemeTaxonomy> load(const std::string& path,
                                                         std::string& error);
  // Parses taxonomy text; errors are named `SOURCE:line: reason`.
  [[nodiscard]] static std::optional<ThemeTaxonomy> parse(std::string_view tsv, std::string& error,
                                                          std::string_view source = "<themes>");
  // Builds a taxonomy from themes already read (phrases in any accent style).
  [[nodiscard]] static ThemeTaxonomy from_themes(std::vector<Theme> themes);
  [[nodiscard]] const std::vector<Theme>& themes() const { return themes_; }
  [[nodiscard]] const Theme* find(std::string_view id_or_label) const;  // accent-insensitive
  // The taxonomy as canonical text in the file format: no comments, one line per theme in file
  // order, phrases as written. Two files defining the same themes give the same text; an index
  // records it (schema.h kMetaThemes) and parse() reads it back.
  [[nodiscard]] std::string to_tsv() const;
  // Where it was read from, for messages: "themes.tsv (built in)", a path, or "<themes>".
  [[nodiscard]] const std::string& source() const { return source_; }

  // Scores the themes of tokenized text: hits (the longest phrase of a theme at each position,
  // weighted by its token count) per 100 tokens of text. Keeps every theme with a score >=
  // kMinScore and at least kMinHits phrase occurrences, best first (ties in file order); scores are
  // rounded to 3 decimals. No cap: a province's yearly programme is about most themes, and a
  // theme it names a dozen times must be found by its facet.
  static constexpr double kMinScore = 1.0;
  static constexpr int kMinHits = 2;
  [[nodiscard]] std::vector<ThemeScore> score(const std::vector<text::Token>& tokens) const;

 private:
  struct CompiledPhrase {
    size_t theme = 0;
    std::vector<std::string> norms;  // canonical tokens; norms[0] is the index key
  };
  std::vector<Theme> themes_;
  std::string source_ = "<themes>";
  std::vector<CompiledPhrase> phrases_;  // longest first within each first token
  std::unordered_map<std::string, std::vector<size_t>> by_first_token_;
  std::vector<uint64_t> first_token_bits_;  // a bit per hash of each first token: a quick "no"
};

// Document types: slug ↔ label ↔ the type letters used in codes (NQ → nghi-quyet). Besides the
// Party types the table knows the State ones citations need (Nghị định, Thông tư, Luật, ...).
struct DocType {
  std::string_view slug, label, code_letters;
  // A state document, numbered N/YYYY/...: a law's code has no type letters (57/2020/QH14).
  bool state = false;
};
[[nodiscard]] const std::vector<DocType>& doc_types();
[[nodiscard]] const DocType* doc_type_by_slug(std::string_view slug);
[[nodiscard]] const DocType* doc_type_by_code_letters(std::string_view letters_key);  // "NQ", "QD"
[[nodiscard]] const DocType* doc_type_by_words(std::string_view folded_words);  // "nghi quyet"

// Access levels, ordered: a caller cleared for a level reads documents at it and below.
enum class AccessLevel : uint8_t { kCongKhai, kNoiBo, kMat, kToiMat, kTuyetMat };
inline constexpr AccessLevel kAccessLevels[] = {AccessLevel::kCongKhai, AccessLevel::kNoiBo, AccessLevel::kMat,
                                                AccessLevel::kToiMat, AccessLevel::kTuyetMat};
inline constexpr size_t kAccessLevelCount = std::size(kAccessLevels);
[[nodiscard]] inline size_t level_index(AccessLevel level) { return static_cast<size_t>(level); }
[[nodiscard]] std::string_view level_slug(AccessLevel level);   // "cong-khai", "noi-bo", "mat", ...
[[nodiscard]] std::string_view level_label(AccessLevel level);  // "Công khai", "Nội bộ", "Mật", ...
// A level by its slug or its label, with or without marks, in any case and spacing ("mat", "MẬT",
// "Tối  mật", "noi bo", "lưu hành nội bộ"); nullopt for anything else.
[[nodiscard]] std::optional<AccessLevel> parse_level(std::string_view text);
// "cong-khai, noi-bo, mat, toi-mat, tuyet-mat": for messages that say what is expected.
[[nodiscard]] std::string level_choices();

// A document's level and what gave it, strongest last: "default" (--default-level), "stamp" (the
// classification stamp in its text), "rules" (--access FILE), "sidecar" (NAME.meta.json), "field"
// (a JSON-lines field, --field level=...).
struct AccessAssignment {
  AccessLevel level = AccessLevel::kNoiBo;
  std::string from = "default";
  bool operator==(const AccessAssignment&) const = default;
};

// Days in a month of the Gregorian calendar (leap years included); 0 for a month outside 1–12.
[[nodiscard]] int days_in_month(int year, int month);

}  // namespace vankho::extract
