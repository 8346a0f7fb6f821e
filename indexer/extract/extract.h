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
#include "vocabulary.h"

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
  // The classification stamp the text carries (MẬT, TỐI MẬT, TUYỆT MẬT, LƯU HÀNH NỘI BỘ), if any.
  std::optional<AccessLevel> stamp;
  // The level the document is indexed at: the archive's metadata, else the stamp, else the
  // default (resolved by the indexer: index::extract_metadata).
  AccessAssignment access;
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


}  // namespace vankho::extract
