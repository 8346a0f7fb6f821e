// What an index records about how it was built, beside its documents: the analyzer and schema that
// wrote it (an index from another is refused, with what to do) and the theme taxonomy that
// classified its documents (the query side takes its themes from here, never from its own copy,
// and the indexer refuses to add documents classified by another taxonomy).
#pragma once

#include <xapian.h>

#include <stdexcept>
#include <string>

#include "vocabulary.h"

namespace vankho::schema {

// The index cannot be used as asked; the message says why and what to do.
struct IndexMismatch : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "vankho-vi/3": what the index records and what the query side expects.
[[nodiscard]] std::string analyzer_signature();

// Throws IndexMismatch when `db` was built by another analyzer or schema; empty databases pass.
void check_compatible(const Xapian::Database& db, const std::string& path);

// Records this vankho's analyzer and schema, and `themes`, in `db` (committed with the next
// commit).
void record_build(Xapian::WritableDatabase& db, const extract::ThemeTaxonomy& themes);

// The taxonomy `db` records; throws IndexMismatch when it records none that parses.
[[nodiscard]] extract::ThemeTaxonomy recorded_taxonomy(const Xapian::Database& db,
                                                       const std::string& path);

// Throws IndexMismatch when `db` records another taxonomy than `themes` (same themes, labels and
// phrases in the same order count as the same, whatever the comments of their files).
void check_taxonomy(const Xapian::Database& db, const std::string& path,
                    const extract::ThemeTaxonomy& themes);

}  // namespace vankho::schema
