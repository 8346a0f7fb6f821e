// The configuration file the three tools share (/etc/vankho/vankho.conf in the package), as an IT
// officer uses it: the indexer indexes the archives it names into its index, vankho-query searches
// that index, a flag wins, and a line a tool cannot use stops it before any work, named by file and
// line. Backups of the index it names, checked by opening, and its compaction.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "run_command.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

using testing::run_command;
const std::string kIndexer = VANKHO_INDEXER;
const std::string kQuery = VANKHO_QUERY;
const std::string kSearchd = VANKHO_SEARCHD;

TEST(ConfigCli, EveryToolReadsTheSharedFile) {
  testing::TempDir dir;
  const std::string conf = dir.write("vankho.conf",
                                     "index = " + dir.str("index") + "\n"
                                     "[indexer]\n"
                                     "archive = " + testing::seeds_dir() + "\n"
                                     "default-level = cong-khai\n"
                                     "quiet = true\n"
                                     "[searchd]\nthreads = 4\n"
                                     "[query]\nlimit = 1\n");
  auto r = run_command({kIndexer, "--config", conf});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("5 added"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("5 cong-khai"), std::string::npos) << r.err;
  r = run_command({kQuery, "--config", conf, "nong", "thon", "moi"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("5 result(s)"), std::string::npos) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n') < 12, true) << "limit = 1 from [query]:\n" << r.out;
  // PATHs on the command line win over the file's archives: this run reads only the one given
  // (the seeds, another PATH, stay in the index).
  const std::string one = dir.write("one/a.txt", "Kế hoạch chuyển đổi số năm 2026.");
  r = run_command({kIndexer, "--config", conf, dir.str("one")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 added, 0 updated, 0 unchanged"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("read 1 txt"), std::string::npos) << r.err;
}

TEST(ConfigCli, ABadLineStopsEachToolWithItsPlace) {
  testing::TempDir dir;
  const std::string conf = dir.write("vankho.conf",
                                     "index = " + dir.str("index") + "\n"
                                     "[indexer]\n"
                                     "archive = " + testing::seeds_dir() + "\n"
                                     "default-levle = mat\n"
                                     "[searchd]\nthreads = lots\n"
                                     "[query]\nlimit = 1\nlimit = 2\n");
  auto r = run_command({kIndexer, "--config", conf});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(conf + ":4: vankho-indexer has no setting 'default-levle' in [indexer]"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.str("index"))) << "nothing may start on a bad configuration";
  r = run_command({kSearchd, "--config", conf});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(conf + ":6: the argument ('lots') for option 'threads' is invalid"), std::string::npos) << r.err;
  r = run_command({kQuery, "--config", conf, "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(conf + ":9: 'limit' is already set at line 8"), std::string::npos) << r.err;
  r = run_command({kQuery, "--config", dir.str("missing.conf"), "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(dir.str("missing.conf") + ": cannot read the configuration file"), std::string::npos) << r.err;
}

TEST(ConfigCli, ABackupIsACheckedIndexAndRestoresAsTheServedOne) {
  testing::TempDir dir;
  const std::string index = dir.str("index");
  (void)testing::build_index(index, {testing::seeds_dir()});
  auto r = run_command({kIndexer, "--index", index, "--backup", dir.str("backup")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("5 documents (5 noi-bo)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("opened and checked"), std::string::npos) << r.err;
  // The backup is an index: searchable as it is.
  r = run_command({kQuery, "--index", dir.str("backup"), "--limit", "1", "nong", "thon", "moi"});
  EXPECT_NE(r.out.find("5 result(s)"), std::string::npos) << r.out << r.err;
  // Never over an existing folder, never of something that is no index.
  r = run_command({kIndexer, "--index", index, "--backup", dir.str("backup")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
  r = run_command({kIndexer, "--index", testing::seeds_dir(), "--backup", dir.str("b2")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is not a vankho index"), std::string::npos) << r.err;
  // Restored over an index that has since changed: the backup's documents, as a new generation.
  dir.write("more/x.txt", "Kế hoạch chuyển đổi số năm 2026.");
  (void)testing::build_index(index, {dir.str("more")});
  r = run_command({kIndexer, "--index", index, "--restore", dir.str("backup")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_command({kQuery, "--index", index, "--limit", "1", "nong", "thon", "moi"});
  EXPECT_NE(r.out.find("5 result(s)"), std::string::npos) << r.out << r.err;
  r = run_command({kQuery, "--index", index, "chuyen", "doi", "so", "2026"});
  EXPECT_EQ(r.out.find("x.txt"), std::string::npos) << r.out;
  r = run_command({kIndexer, "--index", index, "--restore", dir.str("nothing")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
}

// --compact: the index written afresh, compacted, as a new generation switched in; the same
// answers, and later runs go on incrementally from it.
TEST(ConfigCli, CompactingSwitchesToACompactedCopyWithTheSameAnswers) {
  testing::TempDir dir;
  const std::string index = dir.str("index");
  dir.write("more/x.txt", "Kế hoạch chuyển đổi số năm 2026.");
  (void)testing::build_index(index, {testing::seeds_dir()});
  (void)testing::build_index(index, {testing::seeds_dir(), dir.str("more")});  // a second revision
  auto answers = [&] {
    std::string out;
    for (const char* q : {"nong thon moi", "NQ 13", "chuyển đổi số", "quý I năm 2025"}) {
      const auto r = run_command({kQuery, "--index", index, "--limit", "10", q});
      out += std::regex_replace(r.out, std::regex(R"( \([0-9.]+ ms\))"), "");  // all but the time
    }
    return out;
  };
  const std::string before = answers();
  EXPECT_NE(before.find("x.txt"), std::string::npos) << before;
  auto r = run_command({kIndexer, "--index", index, "--compact"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("compacted " + index + ": 6 documents"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("MB →"), std::string::npos) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir.str("index/gen-2/cong-khai")));
  EXPECT_FALSE(std::filesystem::exists(dir.str("index/gen-1"))) << "the old generation is removed";
  EXPECT_EQ(answers(), before);
  // An incremental run after it: nothing changed, then one new document.
  r = run_command({kIndexer, "--index", index, testing::seeds_dir(), dir.str("more")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 added, 0 updated, 6 unchanged"), std::string::npos) << r.err;
  dir.write("more/y.txt", "Chỉ thị về phòng cháy chữa cháy rừng năm 2026.");
  // With PATHs, the run indexes them first, then compacts.
  r = run_command({kIndexer, "--index", index, "--compact", testing::seeds_dir(), dir.str("more")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 added"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("7 documents"), std::string::npos) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir.str("index/gen-3")));
  r = run_command({kQuery, "--index", index, "phong chay chua chay rung"});
  EXPECT_NE(r.out.find("y.txt"), std::string::npos) << r.out << r.err;
  // What it refuses, with the reason.
  r = run_command({kIndexer, "--index", dir.str("nothing"), "--compact"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir.str("nothing") + " does not exist"), std::string::npos) << r.err;
  r = run_command({kIndexer, "--index", index, "--compact", "--backup", dir.str("b")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--compact"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vankho
