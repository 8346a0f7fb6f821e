#include "walk.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace vankho::ingest {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

std::vector<std::string> ids(const WalkResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.files) out.push_back(f.id);
  return out;
}

TEST(Walk, NestedFolderSortedRelativeIds) {
  TempDir dir;
  dir.write("b.txt", "b");
  dir.write("a/z.md", "z");
  dir.write("a/b/c.html", "c");
  dir.write("a/B.HTM", "B");
  dir.write("export.jsonl.gz", "");
  dir.write("data.jsonl", "");
  dir.write("notes.pdf", "sniffed by the reader");
  dir.write("README", "no extension");
  dir.write(".hidden.txt", "hidden");
  dir.write(".git/config.txt", "hidden folder");
  dir.write("sheet.xls", "passed over silently");
  const WalkResult r = walk(dir.str());
  EXPECT_TRUE(r.problems.empty());
  // Formats read by their bytes (.pdf) and names without an extension are handed to the readers.
  EXPECT_EQ(ids(r), (std::vector<std::string>{"README", "a/B.HTM", "a/b/c.html", "a/z.md", "b.txt",
                                               "data.jsonl", "export.jsonl.gz", "notes.pdf"}));
  EXPECT_EQ(r.files[1].path, dir.str() + "/a/B.HTM");
  EXPECT_EQ(r.files[1].size, 1u);
}

TEST(Walk, TrailingSlashAndFilePath) {
  TempDir dir;
  const std::string file = dir.write("sub/x.txt", "x");
  const WalkResult folder = walk(dir.str() + "/sub/");
  ASSERT_EQ(folder.files.size(), 1u);
  EXPECT_EQ(folder.files[0].id, "x.txt");
  EXPECT_EQ(folder.files[0].path, dir.str() + "/sub/x.txt");
  const WalkResult one = walk(file);
  ASSERT_EQ(one.files.size(), 1u);
  EXPECT_EQ(one.files[0].id, "x.txt");
  EXPECT_EQ(one.files[0].path, file);
}

TEST(Walk, MissingPathAndUnsupportedFileAreReported) {
  TempDir dir;
  const WalkResult missing = walk(dir.str() + "/nope");
  ASSERT_EQ(missing.problems.size(), 1u);
  EXPECT_EQ(missing.problems[0].to_string(),
            dir.str() + "/nope: cannot read: No such file or directory");
  const WalkResult xls = walk(dir.write("a.xls", "x"));
  ASSERT_EQ(xls.problems.size(), 1u);
  EXPECT_NE(xls.problems[0].reason.find("unsupported file type"), std::string::npos);
  // Formats read by their content, and names without an extension, are handed to the readers.
  EXPECT_EQ(walk(dir.write("a.pdf", "%PDF")).files.size(), 1u);
  EXPECT_EQ(walk(dir.write("scan", "x")).files.size(), 1u);
  // A hidden file named explicitly is read.
  EXPECT_EQ(walk(dir.write(".x.txt", "x")).files.size(), 1u);
}

TEST(Walk, SymlinkLoopsEndAndLinksAreFollowedOnce) {
  TempDir dir;
  dir.write("docs/a.txt", "a");
  fs::create_directory_symlink(dir.path() / "docs", dir.path() / "docs" / "loop");
  fs::create_directory_symlink(dir.path(), dir.path() / "docs" / "up");
  fs::create_symlink(dir.path() / "docs" / "a.txt", dir.path() / "docs" / "link.txt");
  fs::create_symlink(dir.path() / "gone.txt", dir.path() / "docs" / "broken.txt");
  const WalkResult r = walk((dir.path() / "docs").string());
  EXPECT_EQ(ids(r), (std::vector<std::string>{"a.txt", "link.txt"}));
  size_t loops = 0, broken = 0;
  for (const Problem& p : r.problems) {
    if (!p.skipped && p.reason.find("symbolic link loop") != std::string::npos) ++loops;
    if (p.skipped && p.id == "broken.txt") ++broken;
  }
  EXPECT_EQ(loops, 2u);  // docs/loop is docs itself; docs/up/docs is docs again
  EXPECT_EQ(broken, 1u);
}

}  // namespace
}  // namespace vankho::ingest
