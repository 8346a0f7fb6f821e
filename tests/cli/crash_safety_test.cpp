// Crash safety: kill -9 a real vankho-indexer run mid-way; the index must open at its last commit
// with no half-written document, and the next run must complete the work.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <xapian.h>

#include <filesystem>

#include "index_layout.h"
#include "run_command.h"
#include "schema.h"
#include "stored_document.h"
#include "temp_dir.h"

namespace vankho {
namespace {

constexpr int kDocuments = 6000;

Xapian::doccount committed_documents(const std::string& index) {
  try {
    return Xapian::Database(index).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;  // nothing committed yet
  }
}

void write_corpus(const testing::TempDir& dir) {
  for (int i = 0; i < kDocuments; ++i) {
    std::string text = "Chương trình công tác số " + std::to_string(i) + " của Ban Thường vụ Tỉnh ủy.\n";
    for (int k = 0; k < 20; ++k) text += "Tập trung lãnh đạo, chỉ đạo phát triển kinh tế - xã hội, nông thôn mới. ";
    dir.write("docs/d" + std::to_string(i / 500) + "/" + std::to_string(i) + ".txt", text);
  }
}

// Runs vankho-indexer --batch 100 ARGS... and kills it without warning once `database` holds 300
// committed documents. Returns whether it was killed (rather than finished first).
bool kill_indexer_midway(const std::vector<std::string>& args, const std::string& database) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<const char*> argv = {VANKHO_INDEXER, "--batch", "100", "--quiet"};
    for (const auto& a : args) argv.push_back(a.c_str());
    argv.push_back(nullptr);
    execv(VANKHO_INDEXER, const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (committed_documents(database) < 300 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

TEST(CrashSafety, KilledRunLeavesTheLastCommitAndTheNextRunCompletes) {
  testing::TempDir dir;
  write_corpus(dir);
  const std::string index = dir.str("index");
  ASSERT_TRUE(kill_indexer_midway({"--index", index, dir.str("docs")}, index))
      << "the indexer finished before it could be killed; make the corpus larger";

  // The index opens at a commit: every document whole (data decodes, id term present).
  const Xapian::Database db(index);
  const Xapian::doccount after_crash = db.get_doccount();
  EXPECT_GE(after_crash, 300u);
  EXPECT_LT(after_crash, static_cast<Xapian::doccount>(kDocuments));
  EXPECT_EQ(after_crash % 100, 0u) << "only whole batches are committed";
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    const auto stored = schema::decode_stored(doc.get_data());
    ASSERT_FALSE(stored.text.empty());
    auto t = doc.termlist_begin();
    t.skip_to("Q");
    ASSERT_TRUE(t != doc.termlist_end() && (*t).starts_with("Q"));
  }

  // The next run completes the work and keeps what was already committed.
  const auto r = testing::run_command({VANKHO_INDEXER, "--index", index, dir.str("docs")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(std::to_string(after_crash) + " unchanged"), std::string::npos) << r.err;
  EXPECT_EQ(committed_documents(index), static_cast<Xapian::doccount>(kDocuments));
}

// A rebuild writes a new generation beside the served index: killed midway, the previous index is
// still the one served, whole, and the next run clears what the killed one left.
TEST(CrashSafety, KilledRebuildLeavesThePreviousIndexServing) {
  testing::TempDir dir;
  write_corpus(dir);
  dir.write("before/a.txt", "Kế hoạch về nông thôn mới.");
  dir.write("before/b.txt", "Kế hoạch về chuyển đổi số.");
  const std::string index = dir.str("index");
  ASSERT_EQ(testing::run_command({VANKHO_INDEXER, "--index", index, dir.str("before")}).exit_code, 0);
  const std::string rebuilding = schema::level_database(index, 2, extract::AccessLevel::kNoiBo);  // unmarked
  ASSERT_TRUE(kill_indexer_midway({"--index", index, "--rebuild", dir.str("docs")}, rebuilding))
      << "the rebuild finished before it could be killed; make the corpus larger";
  EXPECT_GE(committed_documents(rebuilding), 300u);

  EXPECT_EQ(committed_documents(index), 2u);
  const auto q = testing::run_command({VANKHO_QUERY, "--index", index, "nong thon moi"});
  EXPECT_EQ(q.exit_code, 0) << q.err;
  EXPECT_NE(q.out.find("a.txt"), std::string::npos) << q.out;

  const auto next = testing::run_command({VANKHO_INDEXER, "--index", index, dir.str("before")});
  ASSERT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.err.find("2 unchanged"), std::string::npos) << next.err;
  EXPECT_FALSE(std::filesystem::exists(schema::generation_dir(index, 2))) << "the killed rebuild's databases are cleared";
}

}  // namespace
}  // namespace vankho
