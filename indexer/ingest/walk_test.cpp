#include "walk.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
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
  size_t loops = 0, broken = 0, outside = 0;
  for (const Problem& p : r.problems) {
    if (!p.skipped && p.reason.find("symbolic link loop") != std::string::npos) ++loops;
    if (p.skipped && p.id == "broken.txt") ++broken;
    if (p.skipped && p.reason.find("outside the folders being indexed") != std::string::npos) ++outside;
  }
  EXPECT_EQ(loops, 1u);  // docs/loop is docs itself
  EXPECT_EQ(broken, 1u);
  EXPECT_EQ(outside, 1u);  // docs/up leads out of docs (it was followed, and looped, before)
}

// archive/ with links leading inside it, to itself, and out of it (to a file and to a folder).
struct LinkedArchive {
  TempDir dir;
  std::string archive = dir.str() + "/archive";
  LinkedArchive() {
    dir.write("archive/a.txt", "a");
    dir.write("outside/secret.txt", "secret");
    dir.write("outside/sub/b.txt", "b");
    fs::create_symlink(dir.path() / "outside" / "secret.txt", dir.path() / "archive" / "secret.txt");
    fs::create_symlink(dir.path() / "outside" / "secret.txt", dir.path() / "archive" / "secret.xls");
    fs::create_directory_symlink(dir.path() / "outside" / "sub", dir.path() / "archive" / "ext");
    fs::create_symlink("a.txt", dir.path() / "archive" / "inner.txt");  // relative, inside
    fs::create_directory_symlink(dir.path() / "archive", dir.path() / "archive" / "self");
  }
  [[nodiscard]] std::string outside(const std::string& rel) const {
    return fs::canonical(dir.path() / "outside" / rel).string();
  }
};

std::vector<std::string> lines(const WalkResult& r) {
  std::vector<std::string> out;
  for (const Problem& p : r.problems) out.push_back((p.skipped ? "skipped " : "warning ") + p.to_string());
  return out;
}

TEST(Walk, LinksLeadingOutOfThePathsAreSkippedWithTheirReason) {
  LinkedArchive a;
  const WalkResult r = walk(a.archive);
  EXPECT_EQ(ids(r), (std::vector<std::string>{"a.txt", "inner.txt"}));
  EXPECT_EQ(lines(r),
            (std::vector<std::string>{
                "skipped " + a.archive + "/ext: a symbolic link to " + a.outside("sub") +
                    ", outside the folders being indexed (--follow-symlinks to read it)",
                "skipped " + a.archive + "/secret.txt: a symbolic link to " + a.outside("secret.txt") +
                    ", outside the folders being indexed (--follow-symlinks to read it)",
                "warning " + a.archive + "/self: folder already read through another path (a "
                                         "symbolic link loop?); not read again"}));
  // No id: a copy indexed through the link by an earlier run is not kept.
  for (const Problem& p : r.problems) EXPECT_EQ(p.id, "") << p.to_string();
}

TEST(Walk, LinksLeadingOutAreFollowedWhenAskedWithAWarning) {
  LinkedArchive a;
  WalkOptions options;
  options.links_out = WalkOptions::LinksOut::kFollow;
  const WalkResult r = walk(a.archive, options);
  EXPECT_EQ(ids(r), (std::vector<std::string>{"a.txt", "ext/b.txt", "inner.txt", "secret.txt"}));
  EXPECT_EQ(lines(r),
            (std::vector<std::string>{
                "warning " + a.archive + "/ext: followed a symbolic link to " + a.outside("sub") +
                    ", outside the folders being indexed (--follow-symlinks)",
                "warning " + a.archive + "/secret.txt: followed a symbolic link to " +
                    a.outside("secret.txt") + ", outside the folders being indexed (--follow-symlinks)",
                "warning " + a.archive + "/self: folder already read through another path (a "
                                         "symbolic link loop?); not read again"}));
}

TEST(Walk, LinksIntoAnotherPathOfTheRunAndAPathGivenAsALinkAreInside) {
  LinkedArchive a;
  // Both folders named in one run: the links into outside/ lead to a PATH being indexed.
  const WalkResult both = walk(a.archive, walk_options({a.archive, a.dir.str() + "/outside"}, {}));
  EXPECT_EQ(ids(both), (std::vector<std::string>{"a.txt", "ext/b.txt", "inner.txt", "secret.txt"}));
  // A PATH that is itself a link is what the user named: the links inside its target are inside.
  fs::create_directory_symlink(a.dir.path() / "archive", a.dir.path() / "alias");
  const WalkResult alias = walk(a.dir.str() + "/alias");
  EXPECT_EQ(ids(alias), (std::vector<std::string>{"a.txt", "inner.txt"}));
  EXPECT_EQ(alias.problems.size(), 3u);  // ext, secret.txt, self (as above)
  // A file PATH given as a link to outside is read: the user named it.
  EXPECT_EQ(walk(a.archive + "/secret.txt").files.size(), 1u);
}

TEST(Walk, FollowSymlinksOutReachesTheWalkThroughReadPaths) {
  LinkedArchive a;
  EXPECT_EQ(testing::read_all({a.archive}).find("secret.txt"), nullptr);
  IngestOptions options;
  options.follow_symlinks_out = true;
  const testing::Collected c = testing::read_all({a.archive}, options);
  ASSERT_NE(c.find("secret.txt"), nullptr);
  EXPECT_EQ(c.find("secret.txt")->text, "secret");
}

TEST(Walk, FifosAndSocketsAreSkippedWithAReasonNeverOpened) {
  TempDir dir;
  dir.write("docs/a.txt", "a");
  const std::string fifo = dir.str() + "/docs/pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
  const std::string other_fifo = dir.str() + "/docs/pipe.xls";  // reported whatever its name
  ASSERT_EQ(::mkfifo(other_fifo.c_str(), 0600), 0) << std::strerror(errno);
  fs::create_symlink(fifo, dir.path() / "docs" / "to-pipe.txt");
  std::vector<std::string> expected = {
      "skipped " + fifo + ": not a regular file (a FIFO)",
      "skipped " + other_fifo + ": not a regular file (a FIFO)"};
  const std::string sock_path = dir.str() + "/docs/s.sock";
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const bool socket_made = sock >= 0 && sock_path.size() < sizeof(addr.sun_path);
  if (socket_made) {
    std::memcpy(addr.sun_path, sock_path.c_str(), sock_path.size() + 1);
    ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0) << std::strerror(errno);
    expected.push_back("skipped " + sock_path + ": not a regular file (a socket)");
  }
  expected.push_back("skipped " + dir.str() + "/docs/to-pipe.txt: not a regular file (a FIFO)");
  const WalkResult r = walk(dir.str() + "/docs");
  EXPECT_EQ(ids(r), (std::vector<std::string>{"a.txt"}));
  EXPECT_EQ(lines(r), expected);
  // Read through read_paths too: the run ends (a FIFO opened for reading would block it).
  const testing::Collected c = testing::read_all({dir.str() + "/docs"});
  EXPECT_EQ(c.documents.size(), 1u);
  // A FIFO named as the PATH itself.
  EXPECT_EQ(lines(walk(fifo)), (std::vector<std::string>{
                                   "skipped " + fifo + ": not a regular file or folder (a FIFO)"}));
  if (sock >= 0) ::close(sock);
}

}  // namespace
}  // namespace vankho::ingest
