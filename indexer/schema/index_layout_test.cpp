#include "index_layout.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "temp_dir.h"

namespace vankho::schema {
namespace {

namespace fs = std::filesystem;

class IndexLayoutTest : public ::testing::Test {
 protected:
  std::string path(const std::string& child) const { return dir_.str(child); }
  testing::TempDir dir_;
};

TEST_F(IndexLayoutTest, TellsEachKindOfFolderApart) {
  EXPECT_EQ(inspect_layout(path("none")).kind, LayoutKind::kMissing);
  fs::create_directories(path("empty"));
  EXPECT_EQ(inspect_layout(path("empty")).kind, LayoutKind::kEmpty);
  fs::create_directories(path("unpublished/gen-1"));
  EXPECT_EQ(inspect_layout(path("unpublished")).kind, LayoutKind::kEmpty);

  std::ofstream(path("archive.txt")) << "Nghị quyết";
  EXPECT_EQ(inspect_layout(path("archive.txt")).kind, LayoutKind::kForeign);
  fs::create_directories(path("docs"));
  std::ofstream(path("docs/a.txt")) << "Nghị quyết";
  const IndexLayout docs = inspect_layout(path("docs"));
  EXPECT_EQ(docs.kind, LayoutKind::kForeign);
  EXPECT_NE(docs.detail.find("a.txt"), std::string::npos) << docs.detail;

  { Xapian::WritableDatabase plain(path("plain"), Xapian::DB_CREATE); }
  EXPECT_EQ(inspect_layout(path("plain")).kind, LayoutKind::kPlain);

  fs::create_directories(path("replica"));
  std::ofstream(path("replica/XAPIANDB")) << "remote 10.0.0.1:33333\n";
  EXPECT_EQ(inspect_layout(path("replica")).kind, LayoutKind::kForeign);
}

TEST_F(IndexLayoutTest, PublishingSwitchesWhatXapianOpensAndWhatReadersCompare) {
  const std::string dir = path("index");
  for (uint64_t g : {1u, 2u}) {
    fs::create_directories(generation_dir(dir, g));
    for (extract::AccessLevel level : extract::kAccessLevels) {
      Xapian::WritableDatabase db(level_database(dir, g, level), Xapian::DB_CREATE);
      for (uint64_t i = 0; i < g; ++i) db.add_document(Xapian::Document());  // g per level
      db.commit();
    }
  }
  EXPECT_EQ(served_identity(dir), "");
  publish_generation(dir, 1);
  const std::string first = served_identity(dir);
  EXPECT_EQ(inspect_layout(dir).kind, LayoutKind::kStub);
  EXPECT_EQ(inspect_layout(dir).generation, 1u);
  EXPECT_EQ(Xapian::Database(dir).get_doccount(), 5u);  // Xapian opens every level through the stub
  const auto up_to_mat = served_databases(dir, first, extract::AccessLevel::kMat);
  ASSERT_EQ(up_to_mat.size(), 3u);
  EXPECT_EQ(up_to_mat[2], level_database(dir, 1, extract::AccessLevel::kMat));

  publish_generation(dir, 2);
  EXPECT_NE(served_identity(dir), first);
  EXPECT_EQ(inspect_layout(dir).generation, 2u);
  EXPECT_EQ(Xapian::Database(dir).get_doccount(), 10u);
  EXPECT_TRUE(served_databases(dir, "glass gen-2\n", extract::AccessLevel::kMat).empty()) << "not a stub of vankho's";
  EXPECT_FALSE(fs::exists(path("index/XAPIANDB.tmp")));

  remove_other_generations(dir, 2);
  EXPECT_FALSE(fs::exists(generation_dir(dir, 1)));
  EXPECT_TRUE(fs::exists(generation_dir(dir, 2)));
}

}  // namespace
}  // namespace vankho::schema
