#include "index_metadata.h"

#include <gtest/gtest.h>

#include "schema.h"

namespace vankho::schema {
namespace {

Xapian::WritableDatabase memory_db() {
  return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

extract::ThemeTaxonomy parse(const std::string& tsv, const std::string& source) {
  std::string error;
  auto t = extract::ThemeTaxonomy::parse(tsv, error, source);
  EXPECT_TRUE(t) << error;
  return std::move(*t);
}

TEST(IndexMetadata, RecordsTheTaxonomyAndReadsItBack) {
  auto db = memory_db();
  const auto themes = parse("# comment\ny-te\tY tế\tbệnh viện | y tế\n", "my-themes.tsv");
  record_build(db, themes);
  const extract::ThemeTaxonomy back = recorded_taxonomy(db, "idx");
  EXPECT_EQ(back.to_tsv(), "y-te\tY tế\tbệnh viện | y tế\n");
  EXPECT_EQ(back.source(), "my-themes.tsv");
  ASSERT_NE(back.find("Y tế"), nullptr);
  EXPECT_EQ(db.get_metadata(std::string(kMetaAnalyzer)), analyzer_signature());
  EXPECT_EQ(db.get_metadata(std::string(kMetaSchema)), kSchemaVersion);
}

TEST(IndexMetadata, TheSameThemesInAnotherFilePassAnotherTaxonomyIsRefused) {
  auto db = memory_db();
  record_build(db, parse("y-te\tY tế\tbệnh viện\n", "a.tsv"));
  EXPECT_NO_THROW(check_taxonomy(
      db, "idx", parse("# the same, commented\ny-te\tY tế\tbệnh viện\n\n", "b.tsv")));
  try {
    check_taxonomy(db, "idx", parse("y-te\tY tế\tbệnh viện | trạm xá\n", "c.tsv"));
    FAIL() << "another taxonomy was accepted";
  } catch (const IndexMismatch& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("a.tsv"), std::string::npos) << what;
    EXPECT_NE(what.find("c.tsv"), std::string::npos) << what;
    EXPECT_NE(what.find("--rebuild"), std::string::npos) << what;
  }
}

TEST(IndexMetadata, AnIndexWithoutATaxonomyOrFromAnotherAnalyzerIsRefused) {
  auto db = memory_db();
  db.add_document(Xapian::Document());
  EXPECT_THROW((void)recorded_taxonomy(db, "idx"), IndexMismatch);
  EXPECT_THROW(check_compatible(db, "idx"), IndexMismatch);  // documents, but no analyzer recorded
  record_build(db, extract::ThemeTaxonomy::builtin());
  EXPECT_NO_THROW(check_compatible(db, "idx"));
  db.set_metadata(std::string(kMetaAnalyzer), "vankho-vi/0");
  EXPECT_THROW(check_compatible(db, "idx"), IndexMismatch);
}

TEST(IndexMetadata, AnEmptyIndexIsCompatible) {
  EXPECT_NO_THROW(check_compatible(memory_db(), "idx"));
}

}  // namespace
}  // namespace vankho::schema
