// The typed request and response of a search: what vankho-query and searchd both speak.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vankho::query {

inline constexpr size_t kMaxLimit = 100;
inline constexpr size_t kMaxOffset = 10000;
inline constexpr size_t kRerankDepth = 20;  // a question's candidates reordered by title coverage
inline constexpr size_t kMaxQueryBytes = 2000;  // longer queries are cut with a warning
inline constexpr size_t kMaxQueryTokens = 64;

enum class SortOrder { kRelevance, kDate };

// A day as YYYYMMDD (0 = unset).
struct DayBound {
  int day = 0;
};

struct SearchRequest {
  std::string q;
  std::vector<std::string> types;      // slugs or labels ("nghi-quyet", "Nghị quyết")
  std::vector<std::string> themes;     // ids or labels
  std::vector<std::string> issuers;    // labels (any accent style)
  std::vector<std::string> provinces;  // labels (any accent style)
  std::vector<std::string> years;      // "2022"
  int from = 0, to = 0;                // YYYYMMDD inclusive bounds on the covered period; 0 = open
  SortOrder sort = SortOrder::kRelevance;
  size_t offset = 0, limit = 10;
  bool facets = true, snippets = true, suggest = true;
  bool interpret = true;  // read periods and document codes out of q (false: take q literally)
};

struct CodeInterpretation {
  std::string text;       // what the user wrote: "NQ 13"
  std::vector<std::string> codes;  // canonical codes it was understood as: ["13-NQ/TW"]
  size_t is_documents = 0;   // documents in the archive that are this code
  size_t cited_by = 0;       // documents citing it
};

struct PeriodInterpretation {
  std::string text;  // "quý I năm 2025"
  int from = 0, to = 0;  // YYYYMMDD
  bool filters = true;   // false in a long question: documents covering it rank first, none excluded
};

struct FilterInterpretation {
  std::string field;  // type, number, year, from, to, issuer, province, theme
  std::string value;  // as understood ("chuong-trinh")
  std::string label;  // human form ("Chương trình")
};

struct AbbreviationInterpretation {
  std::string text;  // as typed: "HĐND", or "hội đồng nhân dân"
  std::string also;  // also searched: "hội đồng nhân dân", or "HĐND"
};

struct Interpretation {
  std::string q;
  std::vector<std::string> words;     // canonical words searched
  std::vector<std::string> phrases;   // quoted phrases
  std::vector<std::string> excluded;  // -word
  std::vector<CodeInterpretation> codes;
  std::vector<AbbreviationInterpretation> abbreviations;  // abbreviations typed or spelled out
  std::optional<PeriodInterpretation> period;
  std::vector<FilterInterpretation> filters;
  bool all_words_required = false;  // true when every word had to match
  std::vector<std::string> warnings;  // parts of q that could not be used, and why
};

struct Hit {
  std::string id, title, type, type_label, number, date, issuer, province;
  std::optional<std::pair<std::string, std::string>> period;  // ISO from, to
  std::vector<std::pair<std::string, std::string>> themes;    // id, label
  double score = 0;
  std::string snippet;  // HTML-escaped, <mark> around matches
  std::string section;  // heading of the snippet's section, or ""
};

struct FacetValue {
  std::string value, label;
  size_t count = 0;
};

struct SearchResponse {
  Interpretation query;
  size_t total = 0;        // estimated matches (exact when total_exact: always with facets)
  bool total_exact = false;
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;  // type, year, issuer, province, theme: every match
  std::optional<std::string> suggestion;
  double took_ms = 0;
};

[[nodiscard]] nlohmann::json to_json(const SearchResponse& r);
[[nodiscard]] nlohmann::json to_json(const Hit& h);

}  // namespace vankho::query
