// Directive metadata extraction: from a document's text to what staff search by — type, own
// number, draft status, issuer, province, date, covered period, citations, signer, term, sections
// and themes. Pure functions of the text; no index, no I/O beyond loading the theme taxonomy.
#pragma once

#include <algorithm>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tokenize.h"

namespace vankho::extract {

// A calendar date that may be partial: year only, year+month, or full.
struct Date {
  int year = 0, month = 0, day = 0;
  [[nodiscard]] bool empty() const { return year == 0; }
  [[nodiscard]] std::string iso() const;  // "2022-04-02", "2022-04", "2024", or "" when empty
  // Days-since-epoch style sortable number (YYYYMMDD; missing parts as first of the range).
  [[nodiscard]] int sortable() const {
    return year * 10000 + std::max(month, 1) * 100 + std::max(day, 1);
  }
  friend bool operator==(const Date&, const Date&) = default;
};

// Inclusive range of full dates.
struct Period {
  Date from, to;
  friend bool operator==(const Period&, const Period&) = default;
};

struct Citation {
  std::string code;     // canonical, e.g. "13-NQ/TW" (text::DocCode::canonical)
  std::string key;      // matching key (text::DocCode::key)
  std::string type;     // document type slug of the cited code's type letters ("nghi-quyet"), or ""
  std::string number;   // "13"
  std::string issuer;   // issuing code part: "TW"
  Date date;            // given next to the code (`ngày 02/4/2022`), else empty
  std::string body;     // issuing body named next to it (`của Bộ Chính trị`), else ""
  std::string subject;  // `về ...` following it, else ""
};

struct Signer {
  std::string name;   // "Mai Văn Huỳnh"
  std::string title;  // "PHÓ BÍ THƯ THƯỜNG TRỰC"
};

struct ThemeScore {
  std::string id;     // "chuyen-doi-so"
  std::string label;  // "Chuyển đổi số"
  double score = 0;   // > 0; higher is more central to the document
};

struct Section {
  std::string heading;  // heading text as written, e.g. "II- NHỮNG CÔNG TÁC TRỌNG TÂM ..."
  // Nesting depth of the numbering scheme: markdown `#` < `I-` < `1.` < `1.1.` < `1.1.1.` < `(1)`
  // < `a)`; the outermost scheme present is 1. With all of them: I- 1, 1. 2, 1.1. 3; a document
  // numbered only `(1) (2) ...` has level 1 headings.
  int level = 1;
  uint32_t start = 0;  // byte offsets into the document text: heading start
  uint32_t end = 0;    // end of the section's body (start of the next section at the same or higher
                       // level, or end of text)
};

struct DocumentMetadata {
  std::string id;
  std::string title;
  std::string type;  // slug: "chuong-trinh", "chuong-trinh-hanh-dong", "nghi-quyet", ..., "tin-bai"
  std::string type_label;  // "Chương trình", ...
  std::string number;      // canonical own code ("28-KL/TU") or "" when none
  bool draft = false;
  std::string issuer;    // "Ban Thường vụ Tỉnh ủy"
  std::string province;  // "Hậu Giang"
  Date date;
  std::optional<Period> period;
  std::string term;  // "khóa XI" as the text writes the roman numeral: normalized to "XI"
  std::optional<Signer> signer;  // who signed (T/M ..., K/T ...); a news byline is not a signer
  std::vector<Citation> citations;
  std::vector<ThemeScore> themes;
  std::vector<Section> sections;
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
  // Parses taxonomy text; errors are named `<themes>:line: reason`.
  [[nodiscard]] static std::optional<ThemeTaxonomy> parse(std::string_view tsv, std::string& error);
  // Builds a taxonomy from themes already read (phrases in any accent style).
  [[nodiscard]] static ThemeTaxonomy from_themes(std::vector<Theme> themes);
  [[nodiscard]] const std::vector<Theme>& themes() const { return themes_; }
  [[nodiscard]] const Theme* find(std::string_view id_or_label) const;  // accent-insensitive

  // Scores the themes of tokenized text: hits (the longest phrase of a theme at each position,
  // weighted by its token count) per 100 tokens of text. Keeps the kMaxThemes best themes with a
  // score >= kMinScore and at least kMinHits phrase occurrences, best first (ties in file order);
  // scores are rounded to 3 decimals.
  static constexpr double kMinScore = 1.0;
  static constexpr int kMinHits = 2;
  static constexpr size_t kMaxThemes = 5;
  [[nodiscard]] std::vector<ThemeScore> score(const std::vector<text::Token>& tokens) const;

 private:
  struct CompiledPhrase {
    size_t theme = 0;
    std::vector<std::string> norms;  // canonical tokens; norms[0] is the index key
  };
  std::vector<Theme> themes_;
  std::vector<CompiledPhrase> phrases_;  // longest first within each first token
  std::unordered_map<std::string, std::vector<size_t>> by_first_token_;
  std::vector<uint64_t> first_token_bits_;  // a bit per hash of each first token: a quick "no"
};

// Input for extraction: the cleaned document text (valid UTF-8, boilerplate already removed) and
// whatever metadata the source supplied (JSONL fields); supplied fields win over extracted ones.
struct ExtractInput {
  std::string id;
  std::string_view text;
  std::string title;   // supplied title, or "" to derive it from the text
  std::string number;  // supplied number/code, or ""
  std::string date;    // supplied date in any common spelling, or ""
  std::string type;    // supplied type label or slug, or ""
  // Tokens of `text` when the caller already has them (text::tokenize(text) from position 0),
  // so that the text is not tokenized twice; nullptr to let extract() tokenize.
  const std::vector<text::Token>* tokens = nullptr;
};

[[nodiscard]] DocumentMetadata extract(const ExtractInput& input, const ThemeTaxonomy& themes);

// The `vankho-indexer --extract` JSON shape (keys documented in issue #3 / README).
[[nodiscard]] nlohmann::json to_json(const DocumentMetadata& m);

// Parses a date in any common spelling: "2022-04-02", "02/4/2022", "ngày 02 tháng 4 năm 2022",
// "tháng 4/2022", "2024"; an empty Date when it is none of these.
[[nodiscard]] Date parse_date(std::string_view text);

// Days in a month of the Gregorian calendar (leap years included); 0 for a month outside 1–12.
[[nodiscard]] int days_in_month(int year, int month);

// Document types: slug ↔ label ↔ the type letters used in codes (NQ → nghi-quyet). Besides the
// Party types the table knows the State ones citations need (Nghị định, Thông tư, Luật, ...).
struct DocType {
  std::string_view slug, label, code_letters;
};
[[nodiscard]] const std::vector<DocType>& doc_types();
[[nodiscard]] const DocType* doc_type_by_slug(std::string_view slug);
[[nodiscard]] const DocType* doc_type_by_code_letters(std::string_view letters_key);  // "NQ", "QD"
[[nodiscard]] const DocType* doc_type_by_words(std::string_view folded_words);  // "nghi quyet"

}  // namespace vankho::extract
