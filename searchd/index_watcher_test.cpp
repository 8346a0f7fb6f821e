#include "index_watcher.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "completion_index.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho::searchd {
namespace {

using namespace std::chrono_literals;

// Holds the builder thread at its next background build (after `free_builds` it lets through)
// until released.
class BuildGate {
 public:
  explicit BuildGate(int free_builds = 0) : free_(free_builds) {}
  void operator()() {
    std::unique_lock lock(mutex_);
    if (free_ > 0) {
      --free_;
      return;
    }
    ++arrived_;
    changed_.notify_all();
    changed_.wait(lock, [&] { return open_; });
  }
  void wait_arrived() {
    std::unique_lock lock(mutex_);
    ASSERT_TRUE(changed_.wait_for(lock, 10s, [&] { return arrived_ > 0; }))
        << "no background build started";
  }
  void open() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int free_;
  int arrived_ = 0;
  bool open_ = false;
};

// Whether a completion of `prefix` (a phrase or a title) contains `want`.
bool offers(const query::CompletionIndex& index, const std::string& prefix, const std::string& want) {
  for (const auto& c : index.complete(prefix, 10)) {
    if (c.text.find(want) != std::string::npos) return true;
  }
  return false;
}

// An index in `dir` of one document, docs/a.txt (the tests add more there); its path.
std::string index_of_one_document(testing::TempDir& dir) {
  const std::string index = dir.str("idx");
  dir.write("docs/a.txt", "Chương trình hành động về chuyển đổi số của tỉnh.");
  testing::build_index(index, {dir.str("docs")});
  return index;
}

template <typename Predicate>
bool eventually(Predicate done) {
  for (int i = 0; i < 200; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(25ms);
  }
  return false;
}

TEST(IndexWatcher, ANewRevisionIsServedWhileSuggestionsAreStillBeingBuilt) {
  testing::TempDir dir;
  const std::string index = index_of_one_document(dir);

  SearcherPool pool(index);
  BuildGate gate(1);  // the first suggestions are built, later builds held
  IndexWatcher watcher(index, pool, 20ms, nullptr, [&] { gate(); });
  watcher.keep_completions(extract::AccessLevel::kCongKhai);
  watcher.keep_completions(extract::AccessLevel::kTuyetMat);
  watcher.start();
  ASSERT_TRUE(eventually([&] { return watcher.suggestions_ready(extract::AccessLevel::kTuyetMat); }));
  const uint64_t generation = pool.generation();

  // A new document: the check publishes its revision, then asks the builder, which the gate holds.
  dir.write("docs/b.txt", "Nghị quyết về phát triển kinh tế biển bền vững.");
  testing::build_index(index, {dir.str("docs")});
  gate.wait_arrived();
  const size_t top = extract::level_index(extract::AccessLevel::kTuyetMat);
  ASSERT_TRUE(eventually([&] { return watcher.state()->levels[top].documents == 2; }))
      << "the check waited for the suggestion build";
  EXPECT_GT(pool.generation(), generation);
  // Meanwhile the previous suggestions keep serving, marked stale.
  const auto during = watcher.state();
  ASSERT_TRUE(during->suggest[top]);
  EXPECT_NE(during->suggest_revision[top], during->levels[top].revision);
  EXPECT_FALSE(offers(*during->suggest[top], "kinh t", "kinh tế biển"));

  // A later revision is seen too while the build is still held.
  dir.write("docs/c.txt", "Kết luận về công tác cán bộ.");
  testing::build_index(index, {dir.str("docs")});
  ASSERT_TRUE(eventually([&] { return watcher.state()->levels[top].documents == 3; }));

  gate.open();
  ASSERT_TRUE(eventually([&] {
    const auto now = watcher.state();
    return now->suggest_revision[top] == now->levels[top].revision;
  })) << "the suggestions were never rebuilt";
  EXPECT_TRUE(offers(*watcher.state()->suggest[top], "kinh t", "kinh tế biển"));
  watcher.stop();
}

TEST(IndexWatcher, StartServesAtOnceAndBuildsTheFirstSuggestionsInTheBackground) {
  testing::TempDir dir;
  const std::string index = index_of_one_document(dir);
  SearcherPool pool(index);
  BuildGate gate;  // holds the first build: a large archive's takes minutes
  IndexWatcher watcher(index, pool, 20ms, nullptr, [&] { gate(); });
  watcher.keep_completions(extract::AccessLevel::kTuyetMat);
  watcher.start();  // returns with the first state while the build waits
  gate.wait_arrived();
  const auto state = watcher.state();
  ASSERT_TRUE(state);
  EXPECT_EQ(state->documents, 1u);
  EXPECT_FALSE(watcher.suggestions_ready(extract::AccessLevel::kTuyetMat));
  EXPECT_EQ(watcher.completions(extract::AccessLevel::kTuyetMat), nullptr);
  {
    auto lease = pool.acquire(extract::AccessLevel::kTuyetMat);  // searches are served meanwhile
    query::SearchRequest request;
    request.q = "chuyển đổi số";
    EXPECT_EQ(lease->search(request).total, 1u);
  }
  gate.open();
  ASSERT_TRUE(eventually([&] { return watcher.suggestions_ready(extract::AccessLevel::kTuyetMat); }));
  EXPECT_TRUE(offers(*watcher.completions(extract::AccessLevel::kTuyetMat), "chuyen d", "chuyển đổi số"));
  watcher.stop();
}

TEST(IndexWatcher, AnAdminReloadReturnsWithTheSuggestionsUpToDate) {
  testing::TempDir dir;
  const std::string index = index_of_one_document(dir);
  SearcherPool pool(index);
  // A long interval: only check_now() sees the change.
  IndexWatcher watcher(index, pool, 1h, nullptr);
  watcher.keep_completions(extract::AccessLevel::kTuyetMat);
  watcher.start();
  // The first suggestions, built in the background, are of the first document alone.
  ASSERT_TRUE(eventually([&] { return watcher.suggestions_ready(extract::AccessLevel::kTuyetMat); }));
  dir.write("docs/b.txt", "Nghị quyết về phát triển kinh tế biển bền vững.");
  testing::build_index(index, {dir.str("docs")});
  const ReloadEvent event = watcher.check_now();
  EXPECT_TRUE(event.changed);
  EXPECT_EQ(event.suggest_built, 1u) << "every level sees the same two documents: one index";
  const size_t top = extract::level_index(extract::AccessLevel::kTuyetMat);
  const auto state = watcher.state();
  EXPECT_EQ(state->suggest_revision[top], state->levels[top].revision);
  EXPECT_TRUE(offers(*state->suggest[top], "kinh t", "kinh tế biển"));
  watcher.stop();
}

}  // namespace
}  // namespace vankho::searchd
