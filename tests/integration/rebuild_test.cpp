// --rebuild is atomic (index_target.h): readers see the previous index until the rebuild's last
// commit, then the new one, never a partial one; an index from before generations is moved to them.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>

#include "index_layout.h"
#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

namespace fs = std::filesystem;

size_t hits(query::Searcher& searcher, const std::string& q) {
  query::SearchRequest r;
  r.q = q;
  return searcher.search(r).hits.size();
}

void write_docs(const testing::TempDir& dir, const std::string& folder, const std::string& subject, int count) {
  for (int i = 0; i < count; ++i) {
    dir.write(folder + "/" + std::to_string(i) + ".txt",
              "Kế hoạch số " + std::to_string(i) + " về " + subject + " của Ban Thường vụ Tỉnh ủy.");
  }
}

TEST(Rebuild, ReadersKeepThePreviousIndexUntilTheRebuildCommitsThenFollowIt) {
  testing::TempDir dir;
  write_docs(dir, "old", "nông thôn mới", 3);
  write_docs(dir, "new", "chuyển đổi số", 40);
  const std::string index = dir.str("index");
  testing::build_index(index, {dir.str("old")});
  query::Searcher reader(index);
  ASSERT_EQ(hits(reader, "nông thôn mới"), 3u);

  index::WriterOptions options;
  options.index_dir = index;
  options.rebuild = true;
  options.batch_documents = 5;  // several commits before the end of the run
  {
    index::IndexWriter writer(options);
    writer.begin_root(index::source_root_of(dir.str("new")));
    ingest::read_paths({dir.str("new")}, {}, [&](ingest::SourceDocument&& doc) { writer.add(doc); },
                       [](const ingest::Problem&) {});
    writer.end_root();
    ASSERT_GT(writer.document_count(), 5u);  // batches were committed...

    EXPECT_FALSE(reader.refresh());  // ...into a database nobody reads yet
    EXPECT_EQ(hits(reader, "nông thôn mới"), 3u);
    query::Searcher fresh(index);
    EXPECT_EQ(fresh.info().documents, 3u);
    EXPECT_EQ(hits(fresh, "chuyển đổi"), 0u);

    // Another indexer cannot write meanwhile.
    EXPECT_THROW(testing::build_index(index, {dir.str("old")}), index::IndexError);

    writer.commit();
  }
  EXPECT_TRUE(reader.refresh());
  EXPECT_EQ(reader.info().documents, 40u);
  EXPECT_EQ(hits(reader, "nông thôn mới"), 0u);
  EXPECT_EQ(hits(reader, "chuyển đổi"), 10u);  // the first page
  EXPECT_EQ(schema::inspect_layout(index).generation, 2u);
  EXPECT_FALSE(fs::exists(schema::generation_dir(index, 1))) << "the previous generation is removed";
  EXPECT_TRUE(fs::exists(schema::level_database(index, 2, extract::AccessLevel::kMat)));

  // An ordinary run afterwards writes into the served generation.
  const auto again = testing::build_index(index, {dir.str("new")});
  EXPECT_EQ(again.unchanged, 40u);
  EXPECT_EQ(schema::inspect_layout(index).generation, 2u);
}

TEST(Rebuild, AnIndexFromBeforeLevelsIsRefusedUntilARebuildReplacesIt) {
  testing::TempDir dir;
  write_docs(dir, "new", "chuyển đổi số", 4);
  const std::string index = dir.str("index");
  {  // one glass database at --index, as vankho wrote indexes before access levels (schema 5)
    Xapian::WritableDatabase old(index, Xapian::DB_CREATE);
    old.set_metadata("vankho.schema", "5");
    old.add_document(Xapian::Document());
    old.commit();
  }
  ASSERT_EQ(schema::inspect_layout(index).kind, schema::LayoutKind::kPlain);
  try {
    query::Searcher reader(index);
    ADD_FAILURE() << "an index from before levels was opened";
  } catch (const query::IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("--rebuild"), std::string::npos) << e.what();
  }
  try {
    testing::build_index(index, {dir.str("new")});
    ADD_FAILURE() << "an ordinary run wrote into an index from before levels";
  } catch (const index::IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("--rebuild"), std::string::npos) << e.what();
  }

  index::WriterOptions options;
  options.index_dir = index;
  options.rebuild = true;
  index::IndexWriter writer(options);
  index::index_paths(writer, {dir.str("new")}, {});
  EXPECT_EQ(schema::inspect_layout(index).kind, schema::LayoutKind::kStub);
  EXPECT_FALSE(fs::exists(index + ".rebuilding")) << "the old database is removed";
  query::Searcher reader(index);
  EXPECT_EQ(reader.info().documents, 4u);
  EXPECT_EQ(hits(reader, "chuyển đổi"), 4u);
}

TEST(Rebuild, AFolderThatIsNotAnIndexIsRefusedAndLeftAlone) {
  testing::TempDir dir;
  write_docs(dir, "docs", "nông thôn mới", 2);
  for (bool rebuild : {false, true}) {
    index::WriterOptions options;
    options.index_dir = dir.str("docs");  // the archive itself, given as --index by mistake
    options.rebuild = rebuild;
    try {
      index::IndexWriter writer(options);
      ADD_FAILURE() << "a folder of documents was taken as an index";
    } catch (const index::IndexError& e) {
      EXPECT_NE(std::string(e.what()).find("is not a vankho index"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.str("docs")), fs::directory_iterator()), 2);
}

}  // namespace
}  // namespace vankho
