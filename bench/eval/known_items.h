// Known-item evaluation (issue 18): staff mostly look for a document they know exists, by its
// number or by its name. Built from the legal corpus itself: acts sampled with a fixed seed, each
// asked for in the spellings people type. Success by number: a record of the act is the first hit,
// and (for acts of up to 10 records) all its records come before any other act's. By name: a record
// of the act in the top 3.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest.h"

namespace vankho::bench {

struct KnownItem {
  std::string number;                   // as the export writes it: 91/2015/NĐ-CP
  std::string title;                    // Nghị định quy định ... (from its first article's note)
  std::vector<std::string> record_ids;  // every record of the act
};

// Acts with a state number (N/YYYY/...) and a title, `count` of them (all when fewer) in a fixed
// pseudo-random order of `seed`. `docs` must carry each act's title in `parent_title` (load_corpus
// with act_titles).
[[nodiscard]] std::vector<KnownItem> sample_known_items(const std::vector<ingest::SourceDocument>& docs,
                                                        size_t count, uint32_t seed);

enum class Asked { kByNumber, kByName };

struct Spelling {
  const char* name;  // "nghị định 91/2015"-style description, for the table
  Asked asked;
  // The query for an act in this spelling; "" when the act has no such spelling (a law's code has
  // no type letters).
  std::function<std::string(const KnownItem&)> make;
};

// The spellings measured: the number as written, with the type's words, with its letters, its parts
// in order without separators, the type's letters and number without the year; the name as written,
// unaccented, and in part.
[[nodiscard]] const std::vector<Spelling>& known_item_spellings();

// Whether two acts' numbers share number, year and type letters (17/2010/TT-BTC and 17/2010/TT-BYT):
// what a spelling without the issuer names. Several ministries issue circular 17 of 2010.
[[nodiscard]] bool same_number_and_type(const std::string& a, const std::string& b);

// Whether `ranked` (ids, best first) finds `item` as `asked` says.
[[nodiscard]] bool found(const KnownItem& item, Asked asked, const std::vector<std::string>& ranked);

}  // namespace vankho::bench
