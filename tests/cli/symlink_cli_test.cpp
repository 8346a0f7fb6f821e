// The indexer and symbolic links leading out of the folders it is given: `passwd.txt ->
// /etc/passwd` is skipped with its reason (and a copy indexed before is removed), and read only
// with --follow-symlinks, which the summary then says.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "run_command.h"
#include "temp_dir.h"

namespace vankho {
namespace {

using testing::run_command;
const std::string kIndexer = VANKHO_INDEXER;
const std::string kQuery = VANKHO_QUERY;

TEST(SymlinkCli, ALinkToEtcPasswdIsSkippedUnlessFollowSymlinks) {
  const std::filesystem::path passwd = "/etc/passwd";
  if (!std::filesystem::is_regular_file(passwd)) GTEST_SKIP() << "no /etc/passwd here";
  const std::string target = std::filesystem::canonical(passwd).string();
  testing::TempDir dir;
  dir.write("archive/thong-bao.txt", "Thông báo số 12-TB/TU về lịch họp của Ban Thường vụ.");
  std::filesystem::create_symlink(passwd, dir.path() / "archive" / "passwd.txt");
  const auto index = [&](std::vector<std::string> extra) {
    std::vector<std::string> argv = {kIndexer, "--index", dir.str("index")};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(dir.str("archive"));
    return run_command(argv);
  };
  const auto has_passwd = [&] {
    return run_command({kQuery, "--index", dir.str("index"), "--json", "--document", "passwd.txt"})
               .exit_code == 0;
  };

  auto r = index({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("skipped " + dir.str("archive/passwd.txt") + ": a symbolic link to " + target +
                       ", outside the folders being indexed (--follow-symlinks to read it)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 documents in the index"), std::string::npos) << r.err;
  EXPECT_FALSE(has_passwd());

  r = index({"--follow-symlinks"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: " + dir.str("archive/passwd.txt") + ": followed a symbolic link to " +
                       target),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 symbolic link(s) followed out of the PATHs given"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 documents in the index"), std::string::npos) << r.err;
  const auto q = run_command({kQuery, "--index", dir.str("index"), "--json", "--document", "passwd.txt"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  EXPECT_NE(nlohmann::json::parse(q.out)["text"].get<std::string>().find("root"), std::string::npos) << q.out;

  // Without the flag again, the copy indexed through the link is removed, not kept.
  r = index({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 removed"), std::string::npos) << r.err;
  EXPECT_FALSE(has_passwd());
}

}  // namespace
}  // namespace vankho
