#include "index_metadata.h"

#include "analyzer.h"
#include "schema.h"

namespace vankho::schema {
namespace {

std::string rebuild_hint(const std::string& path) {
  return "Rebuild it: vankho-indexer --index " + path + " --rebuild PATH...";
}

std::string metadata(const Xapian::Database& db, std::string_view key) {
  return db.get_metadata(std::string(key));
}

}  // namespace

std::string analyzer_signature() {
  return std::string(text::kAnalyzerName) + "/" + std::to_string(text::kAnalyzerVersion);
}

void check_compatible(const Xapian::Database& db, const std::string& path) {
  const std::string analyzer = metadata(db, kMetaAnalyzer);
  const std::string schema = metadata(db, kMetaSchema);
  if (analyzer.empty() && schema.empty() && db.get_doccount() == 0) return;
  if (analyzer != analyzer_signature() || schema != kSchemaVersion) {
    throw IndexMismatch("index " + path + " was built by analyzer '" +
                        (analyzer.empty() ? "unknown" : analyzer) + "' with schema '" +
                        (schema.empty() ? "unknown" : schema) + "'; this vankho uses analyzer '" +
                        analyzer_signature() + "' with schema '" + std::string(kSchemaVersion) +
                        "'. " + rebuild_hint(path));
  }
}

void record_build(Xapian::WritableDatabase& db, const extract::ThemeTaxonomy& themes) {
  // Only what differs: setting a key to the value it has is still a change that commit() writes
  // as a new revision, and a run that changes nothing must commit nothing.
  auto set = [&db](std::string_view key, const std::string& value) {
    if (db.get_metadata(std::string(key)) != value) db.set_metadata(std::string(key), value);
  };
  set(kMetaAnalyzer, analyzer_signature());
  set(kMetaSchema, std::string(kSchemaVersion));
  set(kMetaThemes, themes.to_tsv());
  set(kMetaThemesSource, themes.source());
}

extract::ThemeTaxonomy recorded_taxonomy(const Xapian::Database& db, const std::string& path) {
  const std::string tsv = metadata(db, kMetaThemes);
  std::string error;
  auto themes = extract::ThemeTaxonomy::parse(tsv, error, metadata(db, kMetaThemesSource));
  if (!themes) {
    throw IndexMismatch("index " + path + " records no usable theme taxonomy (" + error + "). " +
                        rebuild_hint(path));
  }
  return std::move(*themes);
}

void check_taxonomy(const Xapian::Database& db, const std::string& path,
                    const extract::ThemeTaxonomy& themes) {
  const extract::ThemeTaxonomy recorded = recorded_taxonomy(db, path);
  if (recorded.to_tsv() == themes.to_tsv()) return;
  throw IndexMismatch(
      "index " + path + " classified its documents with the themes of " + recorded.source() + " (" +
      std::to_string(recorded.themes().size()) + " themes); " + themes.source() +
      " defines others (" + std::to_string(themes.themes().size()) +
      " themes). Keep the index's themes (leave out --themes, or give the same file), or "
      "rebuild it with the new ones: vankho-indexer --index " +
      path + " --themes FILE --rebuild PATH...");
}

}  // namespace vankho::schema
