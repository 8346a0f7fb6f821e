// The index schema, written once: every term prefix, value slot and metadata key that the indexer
// writes and the query side reads. README "Index schema" documents the same table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <optional>
#include <xapian.h>

#include "vocabulary.h"

namespace vankho::schema {

// ---- Term prefixes --------------------------------------------------------------------------
// Text terms (title and body; title first, then a gap of kTitleGap positions):
// Positions live on the folded terms only: phrases match on them, and an accented phrase also
// requires its canonical words. Halving the positional postings is what keeps indexing fast.
inline constexpr std::string_view kCanonical = "";     // canonical syllable, wdf only: "uỷ"
inline constexpr std::string_view kFolded = "F";       // positional folded syllable: "Fuy"
inline constexpr std::string_view kFoldedBigram = "G"; // folded syllable bigram: "Gtinh uy"
// Code terms (weighted, so they rank):
inline constexpr std::string_view kCites = "XC";       // key of a cited code, wdf = mentions: "XC13-NQ/TW"
inline constexpr std::string_view kNumber = "XN";      // key of the document's own code
// Boolean filter terms:
inline constexpr std::string_view kId = "Q";           // unique document id: "Qseeds/000.txt"
inline constexpr std::string_view kType = "XT";        // type slug: "XTchuong-trinh"
inline constexpr std::string_view kYear = "XY";        // each year the document covers: "XY2022"
inline constexpr std::string_view kIssuer = "XI";      // folded issuer: "XIban thuong vu tinh uy"
inline constexpr std::string_view kProvince = "XP";    // folded province: "XPhau giang"
inline constexpr std::string_view kTheme = "XH";       // theme id: "XHchuyen-doi-so"
inline constexpr std::string_view kDraft = "XD";       // "XD" on drafts
inline constexpr std::string_view kSource = "XS";      // root PATH the document was read from
inline constexpr std::string_view kParent = "XG";      // parent_term() of the larger document (văn
                                                       // bản gốc) a record is part of
inline constexpr std::string_view kLevel = "XL";       // access level slug: "XLmat" (each level also
                                                       // has its own sub-database: index_layout.h)

inline constexpr Xapian::termpos kTitleGap = 100;

// ---- Value slots ----------------------------------------------------------------------------
enum Slot : Xapian::valueno {
  kSlotDate = 0,         // issue date, YYYYMMDD (missing parts as 01), sortable_serialise
  kSlotPeriod = 1,       // covered days "YYYYMMDDYYYYMMDD" (from, to inclusive); falls back to
                         // the issue date's range (a year-only date covers the year)
  kSlotFacets = 2,       // the facet fields in one value (facet_value()): a facet count reads one
                         // value per document instead of five
  kSlotTitle = 3,        // the title as extracted (title coverage reads it for many candidates)
  kSlotAccess = 4,       // access_value(): the level and what gave it ("mat stamp")
  kSlotParentTitle = 5,  // the title of the larger document a record is part of (the title rerank
                         // reads it as it reads kSlotTitle); absent when none
  kSlotPeriodEnd = 6,    // the last covered day "YYYYMMDD" (kSlotPeriod's second half), so that an
                         // overlap is two of Xapian's own value ranges (a ≤ to on kSlotPeriod, b ≥
                         // from here): they run on a stock xapian-tcpsrv, a posting source does not
  kSlotContentHash = 7,  // hex content hash of the source document (incremental indexing)
  // 8..13: each facet field of kSlotFacets alone (facet_field_slot), for Xapian's own
  // ValueCountMatchSpy over shards: the combinations of all fields are nearly one per document, and
  // each server would send them all back with every search (query/facets.h).
  kSlotFacetFieldsFirst = 8,
};

// The facet fields of kSlotFacets, in this order, separated by kFacetSeparator; years (those the
// document covers, as the XY terms) and theme ids are multi-valued, '\n'-joined. The parent is
// "KEY\tTITLE" (kFacetLabelSeparator; the title may be missing); an index written before it was
// added has five fields, and its documents simply have no parent.
enum FacetField { kFacetType, kFacetYear, kFacetIssuer, kFacetProvince, kFacetTheme, kFacetParent, kFacetFieldCount };
[[nodiscard]] inline Xapian::valueno facet_field_slot(FacetField field) {
  return kSlotFacetFieldsFirst + static_cast<Xapian::valueno>(field);
}
inline constexpr char kFacetSeparator = '\x1f';
inline constexpr char kFacetValueSeparator = '\n';
inline constexpr char kFacetLabelSeparator = '\t';

// ---- Metadata keys (index_metadata.h reads and writes them) ---------------------------------------
inline constexpr std::string_view kMetaAnalyzer = "vankho.analyzer";  // "vankho-vi/3"
inline constexpr std::string_view kMetaSchema = "vankho.schema";      // kSchemaVersion
inline constexpr std::string_view kMetaThemes = "vankho.themes";      // the taxonomy, ThemeTaxonomy::to_tsv()
inline constexpr std::string_view kMetaThemesSource = "vankho.themes.source";  // where it was read from
// Ids that several records of one PATH carried in the last run (IndexWriter), in the top level's
// database only: "<bytes>:ROOT<bytes>:ID" pairs, one after the other.
inline constexpr std::string_view kMetaRepeatedIds = "vankho.repeated_ids";
// 2: positions on folded terms only, no canonical bigrams; 3: the facet fields in one slot;
// 4: the title in a slot; 5: the theme taxonomy recorded in the metadata; 6: one sub-database per
// access level, the level as a term and in the stored metadata ("access"); 7: the period's end in
// its own slot (kSlotPeriodEnd), each facet field in its own slot (8..13)
inline constexpr std::string_view kSchemaVersion = "7";

// Document data: MessagePack of the stored document (stored_document.h).

[[nodiscard]] inline std::string term(std::string_view prefix, std::string_view value) {
  std::string t;
  t.reserve(prefix.size() + value.size());
  t.append(prefix).append(value);
  return t;
}

// The kSlotAccess value of an assignment ("noi-bo default"), and back (nullopt when malformed).
[[nodiscard]] std::string access_value(const extract::AccessAssignment& access);
[[nodiscard]] std::optional<extract::AccessAssignment> parse_access_value(std::string_view value);

// The content hash as stored in kSlotContentHash: 16 hex digits and the extraction version
// ("…/e2"), so that a document extracted by another version counts as changed.
[[nodiscard]] std::string hash_value(uint64_t hash);

// The kSlotPeriod value of an inclusive YYYYMMDD range, and back (false when malformed).
[[nodiscard]] std::string period_value(int from, int to);
bool parse_period_value(std::string_view value, int& from, int& to);
// The kSlotPeriodEnd value of a last covered day YYYYMMDD (a fixed width, so values compare as days).
[[nodiscard]] std::string period_end_value(int to);

// YYYYMMDD as a sortable value.
[[nodiscard]] inline std::string day_value(int yyyymmdd) {
  return Xapian::sortable_serialise(static_cast<double>(yyyymmdd));
}

}  // namespace vankho::schema
