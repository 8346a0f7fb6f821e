// Incremental indexing and index compatibility, through the library the tool uses.
#include <gtest/gtest.h>

#include <filesystem>
#include <xapian.h>

#include "schema.h"
#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

TEST(IncrementalIndex, ReindexesOnlyWhatChanged) {
  testing::TempDir dir;
  dir.write("docs/a.txt", "Chương trình công tác tháng 1 năm 2024 về nông thôn mới.");
  dir.write("docs/b.txt", "Kế hoạch chuyển đổi số năm 2024.");
  dir.write("docs/sub/c.md", "# Báo cáo\n\n**Tổng kết** công tác phòng, chống tham nhũng.");
  auto s = testing::build_index(dir.str("index"), {dir.str("docs")});
  EXPECT_EQ(s.added, 3u);

  s = testing::build_index(dir.str("index"), {dir.str("docs")});
  EXPECT_EQ(s.added, 0u);
  EXPECT_EQ(s.unchanged, 3u);
  EXPECT_EQ(s.updated, 0u);

  dir.write("docs/a.txt", "Chương trình công tác tháng 2 năm 2024 về nông thôn mới.");
  std::filesystem::remove(dir.path() / "docs/b.txt");
  dir.write("docs/d.txt", "Nghị quyết về giáo dục.");
  s = testing::build_index(dir.str("index"), {dir.str("docs")});
  EXPECT_EQ(s.updated, 1u);
  EXPECT_EQ(s.removed, 1u);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.unchanged, 1u);

  query::Searcher searcher(dir.str("index"));
  EXPECT_EQ(searcher.info().documents, 3u);
  query::SearchRequest r;
  r.q = "chuyen doi so";
  EXPECT_TRUE(searcher.search(r).hits.empty());  // b.txt is gone
  r.q = "giáo dục";
  ASSERT_EQ(searcher.search(r).hits.size(), 1u);
  EXPECT_EQ(searcher.search(r).hits[0].id, "d.txt");
  r.q = "tháng 2 năm 2024";
  ASSERT_FALSE(searcher.search(r).hits.empty());
  EXPECT_EQ(searcher.search(r).hits[0].id, "a.txt");
  EXPECT_TRUE(searcher.document("sub/c.md").has_value());  // ids are relative paths
}

// A fresh index is written on a background thread; a repeated id must still replace the record
// that may still be queued, and an identical repeat must count as unchanged.
TEST(IncrementalIndex, RepeatedIdsInAFreshRunKeepTheLaterRecord) {
  testing::TempDir dir;
  std::string lines;
  for (int i = 0; i < 1200; ++i) {  // more than two commit batches
    lines += R"({"id":"d)" + std::to_string(i) + R"(","title":"Điều )" + std::to_string(i) +
             R"(","text":"Nội dung về giáo dục số )" + std::to_string(i) + "\"}\n";
  }
  lines += R"({"id":"d5","title":"Điều 5","text":"Bản sửa đổi về chuyển đổi số."})" "\n";
  lines += R"({"id":"d7","title":"Điều 7","text":"Nội dung về giáo dục số 7"})" "\n";
  dir.write("export.jsonl", lines);
  const auto s = testing::build_index(dir.str("index"), {dir.str("export.jsonl")});
  EXPECT_EQ(s.added, 1200u);
  EXPECT_EQ(s.duplicates, 2u);
  EXPECT_EQ(s.updated, 1u);
  EXPECT_EQ(s.unchanged, 1u);
  query::Searcher searcher(dir.str("index"));
  EXPECT_EQ(searcher.info().documents, 1200u);
  query::SearchRequest r;
  r.q = "chuyển đổi số";
  const auto found = searcher.search(r);
  ASSERT_EQ(found.hits.size(), 1u);
  EXPECT_EQ(found.hits[0].id, "d5");
}

// An export that repeats an id with another text: the later record is the one indexed, and the
// next runs change nothing (no write, no new revision), until a record of that id changes.
TEST(IncrementalIndex, RepeatedIdsAreNotWrittenAgainByEveryRun) {
  testing::TempDir dir;
  auto export_of = [](const std::string& later_text) {
    return std::string(R"({"id":"a","text":"Kế hoạch về giáo dục."})" "\n"
                       R"({"id":"b","text":"Nghị quyết về nông thôn mới."})" "\n"
                       R"({"id":"a","text":")") + later_text + "\"}\n";
  };
  dir.write("export.jsonl", export_of("Kế hoạch về chuyển đổi số."));
  const std::string index = dir.str("index");
  auto s = testing::build_index(index, {dir.str("export.jsonl")});
  EXPECT_EQ(s.duplicates, 1u);
  auto revision = [&] { return query::Searcher(index).info().revision; };
  auto found = [&](const std::string& q) {
    query::SearchRequest r;
    r.q = q;
    const auto hits = query::Searcher(index).search(r).hits;
    return hits.size() == 1 && hits[0].id == "a";
  };
  const uint64_t first = revision();
  EXPECT_TRUE(found("chuyển đổi số"));

  for (int run = 0; run < 2; ++run) {
    s = testing::build_index(index, {dir.str("export.jsonl")});
    EXPECT_EQ(s.updated, 0u) << "run " << run;
    EXPECT_EQ(s.unchanged, 2u) << "run " << run;
    EXPECT_EQ(revision(), first) << "run " << run << " committed";
    EXPECT_TRUE(found("chuyển đổi số"));
  }

  // The later record changes: written once, and still the later one.
  dir.write("export.jsonl", export_of("Kế hoạch về kinh tế biển."));
  s = testing::build_index(index, {dir.str("export.jsonl")});
  EXPECT_EQ(s.updated, 1u);
  EXPECT_TRUE(found("kinh tế biển"));
  EXPECT_FALSE(found("chuyển đổi số"));
  // The repeat goes away: the one record left is indexed, and nothing repeats any more.
  dir.write("export.jsonl", std::string(R"({"id":"a","text":"Kế hoạch về giáo dục."})" "\n"
                                        R"({"id":"b","text":"Nghị quyết về nông thôn mới."})" "\n"));
  s = testing::build_index(index, {dir.str("export.jsonl")});
  EXPECT_EQ(s.duplicates, 0u);
  EXPECT_EQ(s.updated, 1u);
  EXPECT_TRUE(found("giáo dục"));
  const uint64_t settled = revision();
  s = testing::build_index(index, {dir.str("export.jsonl")});
  EXPECT_EQ(s.unchanged, 2u);
  EXPECT_EQ(revision(), settled);
}

// An index written by an older extraction (its stored hashes carry another version, or none, as
// before versions): the next run extracts every document again, once, and then nothing.
TEST(IncrementalIndex, DocumentsExtractedByAnotherVersionAreExtractedAgainOnce) {
  testing::TempDir dir;
  const std::string index = dir.str("index");
  auto s = testing::build_index(index, {testing::seeds_dir()});
  ASSERT_EQ(s.added, 5u);
  {  // what an index from before extraction versions holds: the bare 16 hex digits
    Xapian::WritableDatabase db(dir.str("index/gen-1/noi-bo"));
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
      Xapian::Document doc = db.get_document(*id);
      const std::string stored = doc.get_value(schema::kSlotContentHash);
      ASSERT_EQ(stored.substr(16), "/e" + std::to_string(extract::kExtractionVersion));
      doc.add_value(schema::kSlotContentHash, stored.substr(0, 16));
      db.replace_document(*id, doc);
    }
    db.commit();
  }
  s = testing::build_index(index, {testing::seeds_dir()});
  EXPECT_EQ(s.updated, 5u);
  EXPECT_EQ(s.unchanged, 0u);
  s = testing::build_index(index, {testing::seeds_dir()});
  EXPECT_EQ(s.unchanged, 5u);
}

// Documents remember the PATH they were read from; when the archive folder moves, they are
// written again under the new one, so that files deleted later are removed from the index.
TEST(IncrementalIndex, AMovedArchiveFolderKeepsRemovingWhatIsDeleted) {
  testing::TempDir dir;
  dir.write("A/a.txt", "Kế hoạch về nông thôn mới.");
  dir.write("A/b.txt", "Kế hoạch về chuyển đổi số.");
  testing::build_index(dir.str("index"), {dir.str("A")});
  std::filesystem::rename(dir.path() / "A", dir.path() / "B");
  auto s = testing::build_index(dir.str("index"), {dir.str("B")});
  EXPECT_EQ(s.updated, 2u) << "written again under the new PATH";
  std::filesystem::remove(dir.path() / "B/b.txt");
  s = testing::build_index(dir.str("index"), {dir.str("B")});
  EXPECT_EQ(s.removed, 1u);
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(query::Searcher(dir.str("index")).info().documents, 1u);
}

TEST(IncrementalIndex, AFileThatBecameUnreadableKeepsItsIndexedVersion) {
  testing::TempDir dir;
  dir.write("docs/a.txt", "Kế hoạch chuyển đổi số năm 2024.");
  dir.write("docs/b.txt", "Nghị quyết về giáo dục.");
  testing::build_index(dir.str("index"), {dir.str("docs")});
  dir.write("docs/a.txt", "");  // emptied by accident: skipped with a reason, not deleted
  const auto s = testing::build_index(dir.str("index"), {dir.str("docs")});
  EXPECT_EQ(s.skipped, 1u);
  EXPECT_EQ(s.removed, 0u);
  query::Searcher searcher(dir.str("index"));
  EXPECT_TRUE(searcher.document("a.txt").has_value());
}

TEST(IncrementalIndex, AnIndexFromAnotherAnalyzerIsRefusedWithAClearMessage) {
  testing::TempDir dir;
  dir.write("docs/a.txt", "Văn bản.");
  testing::build_index(dir.str("index"), {dir.str("docs")});
  {
    Xapian::WritableDatabase db(dir.str("index"));
    db.set_metadata(std::string(schema::kMetaAnalyzer), "vankho-vi/0");
    db.commit();
  }
  try {
    query::Searcher searcher(dir.str("index"));
    FAIL() << "an index from another analyzer was opened";
  } catch (const query::IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("vankho-vi/0"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--rebuild"), std::string::npos) << e.what();
  }
  EXPECT_THROW(testing::build_index(dir.str("index"), {dir.str("docs")}), index::IndexError);
}

TEST(IncrementalIndex, MissingIndexSaysHowToBuildOne) {
  testing::TempDir dir;
  try {
    query::Searcher searcher(dir.str("nothing-here"));
    FAIL();
  } catch (const query::IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("vankho-indexer --index"), std::string::npos);
  }
}

}  // namespace
}  // namespace vankho
