// The query side's public API: what vankho-query, searchd, the tests and the benchmarks use. A
// Searcher runs typed requests — search, document, similar, citations, completions — against one
// index and picks up the indexer's new revisions. One Searcher per thread (the Xapian objects it
// holds are not thread-safe). Nothing here exposes Xapian: failures are the error types below.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "vocabulary.h"  // extract::AccessLevel

#include "warning.h"

namespace vankho::query {

using extract::AccessLevel;

// ---- Limits of a request ----------------------------------------------------------------------
inline constexpr size_t kMaxLimit = 100;
inline constexpr size_t kMaxOffset = 10000;
inline constexpr size_t kMaxQueryBytes = 2000;  // longer queries are cut with a warning
inline constexpr size_t kMaxQueryTokens = 64;

// ---- Errors -----------------------------------------------------------------------------------
// The index cannot be used at all (missing, unreadable, built by another analyzer, schema or
// taxonomy): the message says what to do. Faces map it to exit status 1 / HTTP 503.
struct IndexUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Reading the index failed during a request (damaged, or replaced under the reader); a retry
// with a fresh Searcher may succeed. HTTP 503 with a short Retry-After.
struct IndexReadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ---- Search request ---------------------------------------------------------------------------
enum class SortOrder { kRelevance, kDate };

struct SearchRequest {
  std::string q;
  std::vector<std::string> types;      // slugs or labels ("nghi-quyet", "Nghị quyết")
  std::vector<std::string> themes;     // ids or labels
  std::vector<std::string> issuers;    // labels (any accent style)
  std::vector<std::string> provinces;  // labels (any accent style)
  std::vector<std::string> years;      // "2022"
  std::vector<std::string> parents;    // keys of the larger document (văn bản gốc): "57/2020/QH14"
  int from = 0, to = 0;                // YYYYMMDD inclusive bounds on the covered period; 0 = open
  SortOrder sort = SortOrder::kRelevance;
  size_t offset = 0, limit = 10;
  bool facets = true, snippets = true, suggest = true;
  bool interpret = true;  // read periods and document codes out of q (false: take q literally)
};

// ---- How the query was understood -------------------------------------------------------------
struct CodeInterpretation {
  std::string text;                // what the user wrote: "NQ 13"
  std::vector<std::string> codes;  // canonical codes it was understood as: ["13-NQ/TW"]
  size_t is_documents = 0;         // documents in the archive that are this code
  size_t cited_by = 0;             // documents citing it
};

struct PeriodInterpretation {
  std::string text;      // "quý I năm 2025"
  int from = 0, to = 0;  // YYYYMMDD
  bool filters = true;  // false in a long question: documents covering it rank first, none excluded
};

struct FilterInterpretation {
  std::string field;  // type, number, year, from, to, issuer, province, theme, parent
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
  bool all_words_required = false;    // true when every word had to match
  std::vector<Warning> warnings;  // parts of the request that could not be used, and why (warning.h)
};

// ---- Answers ----------------------------------------------------------------------------------
// Text with the query's matches to emphasise, as byte ranges [begin, end) into `text`, in order
// and not overlapping. Each face renders them its own way (search_json.h: HTML <mark>; the CLI:
// bold or asterisks).
struct MarkedText {
  struct Mark {
    uint32_t begin = 0, end = 0;
    friend bool operator==(const Mark&, const Mark&) = default;
  };
  std::string text;
  std::vector<Mark> marks;
};

struct Hit {
  std::string id, title, type, type_label, number, date, issuer, province;
  std::optional<std::pair<std::string, std::string>> period;  // ISO from, to
  std::vector<std::pair<std::string, std::string>> themes;    // id, label
  // The larger document it is part of (JSONL `--field parent=...`): its number (key) and title.
  std::optional<std::pair<std::string, std::string>> parent;
  double score = 0;
  MarkedText snippet;   // the best passage ("… " before and " …" after when cut), or empty
  std::string section;  // heading of the snippet's section, or ""
  int page = 0;         // the page the snippet is on (PDF, paged office files); 0: none
  // The snippet is on a page of a PDF that Searcher::original hands out (a link can open it there).
  bool original_pdf = false;
  bool ocr = false;     // some of the document's text came from OCR (it may hold misreadings)
  AccessLevel level = AccessLevel::kNoiBo;
};

struct FacetValue {
  std::string value, label;
  size_t count = 0;
};

struct SearchResponse {
  Interpretation query;
  size_t total = 0;  // estimated matches (exact when total_exact: always with facets)
  bool total_exact = false;
  size_t total_min = 0, total_max = 0;  // what is known for certain: total_min <= matches <= total_max
  std::vector<Hit> hits;
  // type, year, issuer, province, theme, parent: counted over every match
  std::map<std::string, std::vector<FacetValue>> facets;
  std::optional<std::string> suggestion;
  double took_ms = 0;
  // Some shards of the archive could not be searched (a warning names each): the answer is from
  // the others.
  bool partial = false;
};

struct DocumentRef {
  std::string id, title, type, type_label, number, date;
};

struct DocumentView {
  std::string id;
  AccessLevel level = AccessLevel::kNoiBo;
  nlohmann::json meta;       // the extracted metadata (vankho-indexer --extract keys)
  MarkedText text;           // the whole text; marks where it matches the query, when one was given
  bool highlighted = false;  // a query was given (its matches may still be none)
  std::vector<DocumentRef> cited_by;  // documents in the archive citing this one's number
  bool original = false;  // its original file can be fetched (Searcher::original)
};

// A document's original file, as indexed: only ever one inside the folder it was indexed from.
struct OriginalFile {
  std::string path;    // absolute, symbolic links resolved
  std::string name;    // the file's name
  std::string format;  // "pdf", "docx", "odt", "doc", "rtf", "txt", "md", "html", "image"
};

struct SimilarView {
  std::string id;  // the document they are similar to
  std::vector<Hit> hits;
};

// Why a document is a result of a request (GET /api/documents/{id}/explain), read from the plan the
// search runs (planner.h), not worked out again: which of its terms the document has and where,
// the codes it is or cites, and how its period fits the one asked for.
struct Explanation {
  std::string id;
  bool matches = false;  // the document is among the request's matches
  struct Term {
    // "word" (as typed, with its marks), "folded" (any marks), "pair" (two words side by side),
    // "code" (the document is that code), "cites" (it cites that code)
    std::string kind;
    std::string text;                // as a person reads it: "chuyển", "chuyen doi", "13-NQ/TW"
    std::vector<std::string> where;  // of "title", "parent" (the larger document's title), "text"
    size_t count = 0;                // occurrences in the document (a code: its mentions); 0 for a word as typed
  };
  std::vector<Term> terms;
  // The period asked for in words and the document's (ISO from, to), and the fit that ranks it (0..1).
  std::optional<std::pair<std::string, std::string>> period_asked, period_document;
  double period_fit = 0;
};

struct CitationView {
  std::string query;                // what was asked
  std::vector<std::string> codes;   // canonical codes it was understood as
  std::vector<DocumentRef> is;      // documents that are the code
  std::vector<DocumentRef> citing;  // documents citing it
  std::string warning;              // when the text is not a code
};

struct IndexInfo {
  std::string path;
  uint64_t revision = 0;   // grows with every commit (a rebuild switch changes it too)
  uint64_t documents = 0;  // that this Searcher may see
  // An index given as a stub file (shards.h): each database it names, and whether it is searched.
  struct Shard {
    std::string name;     // the stub's line: "remote 10.0.0.2:7001"
    bool searched = false;
    bool above_clearance = false;  // not searched because it holds documents above the clearance
    std::string problem;           // why not searched: down, timed out, above the clearance
  };
  std::vector<Shard> shards;
};

struct RankingWeights;  // ranking.h: tuning, for benchmarks and evaluation
class CompletionIndex;  // completion_index.h: search-box completions

// ---- The Searcher -----------------------------------------------------------------------------
// Every method may throw IndexUnavailable or IndexReadError, and nothing else from the index.
//
// A Searcher is bound to a clearance: it opens only the index's sub-databases at or below it (one
// per access level), so nothing it answers — hits, totals, facets, suggestions, completions,
// similar documents, citations, documents, originals, term statistics — comes from a document
// above it. A document above it answers like a missing one. The default, the whole index, is for
// tools run by whoever owns the index files (vankho-query, tests, benchmarks); searchd passes the
// caller's clearance.
class Searcher {
 public:
  explicit Searcher(std::string index_dir, AccessLevel clearance = AccessLevel::kTuyetMat);  // throws IndexUnavailable
  Searcher(std::string index_dir, const RankingWeights& weights, AccessLevel clearance = AccessLevel::kTuyetMat);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  [[nodiscard]] SearchResponse search(const SearchRequest& request);
  // nullopt when no document has this id. `q`: marks its matches in the text.
  [[nodiscard]] std::optional<DocumentView> document(const std::string& id,
                                                     const std::string& q = "");
  [[nodiscard]] std::optional<SimilarView> similar(const std::string& id, size_t limit = 10);
  // Why document `id` answers `request` (nullopt when no document has this id).
  [[nodiscard]] std::optional<Explanation> explain(const SearchRequest& request, const std::string& id);
  [[nodiscard]] CitationView citations(const std::string& code_text, size_t limit = 100);
  // nullopt when there is no such document, it came from a JSON-lines export, or its file is gone
  // or now lies outside the folder it was indexed from.
  [[nodiscard]] std::optional<OriginalFile> original(const std::string& id);
  // Completions of the index as of this Searcher's revision (built on each call: callers keep it).
  [[nodiscard]] std::shared_ptr<const CompletionIndex> completions();

  // Whether a stub index's shard that is down is tried again only when its retry time has come
  // (every few seconds), or at once: a reader catching up with a change that another reader saw,
  // which may be that shard's return (searchd's pooled readers follow its watcher's this way).
  enum class ShardRetry { kWhenDue, kNow };
  // Picks up a newer revision if the indexer committed one; true when it changed.
  bool refresh(ShardRetry retry = ShardRetry::kWhenDue);
  [[nodiscard]] IndexInfo info();
  [[nodiscard]] AccessLevel clearance() const;

  class Impl;  // searcher_impl.h

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace vankho::query
