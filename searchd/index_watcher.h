// Reload while serving: a background thread checks the index revision every interval; when the
// indexer has committed a new one it tells the searcher pool (searches see it at once), rebuilds
// the suggestion indexes off to the side (at most every 5× their build time, at least 2 s apart),
// publishes the new state and reports a reload event.
//
// Suggestions are per clearance, each built by a reader of that clearance, so that no completion
// comes from a document above it. They are built for a level only once a caller of it has asked
// (in the background: until then that caller gets a lower level's), and a level whose reader sees
// the same documents as a lower one's (the levels between are empty) shares that one's index. A
// caller may get a lower level's completions, never a higher one's.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "completion_index.h"
#include "searcher_pool.h"

namespace vankho::searchd {

inline constexpr size_t kLevels = extract::kAccessLevelCount;

// What a reader of one clearance sees.
struct LevelView {
  uint64_t revision = 0;  // the sum of its sub-databases' revisions
  uint64_t documents = 0;
};

struct IndexState {
  uint64_t revision = 0;  // the whole index: for the operator (log, admin reload)
  uint64_t documents = 0;
  std::array<LevelView, kLevels> levels;  // by clearance
  // By clearance; null until a caller of that level asked. Levels may share one.
  std::array<std::shared_ptr<const query::CompletionIndex>, kLevels> suggest;
  std::array<uint64_t, kLevels> suggest_revision{};  // levels[L].revision it was built for
  std::string served;  // the index folder's served identity the suggestions were built from
};

struct ReloadEvent {
  bool changed = false;
  uint64_t revision = 0;
  uint64_t documents = 0;
  double took_ms = 0;
  size_t suggest_built = 0;  // suggestion indexes built (by a check, or on a level's first use)
  std::vector<std::string> suggest_levels;  // ...the levels they were built from
  double suggest_ms = 0;                    // ...and the time that took
  std::string error;  // the index could not be read (the previous state keeps serving)
};

class IndexWatcher {
 public:
  using Listener = std::function<void(const ReloadEvent&)>;

  IndexWatcher(std::string index_dir, SearcherPool& pool, std::chrono::milliseconds interval,
               Listener listener);
  ~IndexWatcher();
  IndexWatcher(const IndexWatcher&) = delete;
  IndexWatcher& operator=(const IndexWatcher&) = delete;

  // Builds the suggestions of `level` with the first state rather than on first use.
  void keep_completions(extract::AccessLevel level);

  // Loads the first state (throws query::IndexUnavailable), then checks in the background.
  void start();
  void stop();

  // Checks now (POST /api/admin/reload); serialized with the background checks.
  ReloadEvent check_now();

  [[nodiscard]] std::shared_ptr<const IndexState> state() const;

  // The completions a caller of `clearance` may be offered. On a level's first use its own are
  // built in the background (and kept up to date from then on); meanwhile those of the highest
  // lower level built, or null.
  [[nodiscard]] std::shared_ptr<const query::CompletionIndex> completions(
      extract::AccessLevel clearance);

 private:
  ReloadEvent check(bool force);
  void run();
  // Builds the suggestions of the wanted levels that `next` lacks, and the stale ones when
  // `stale_too`, noting them in `event`. Under check_mutex_.
  void build_completions(IndexState& next, bool stale_too, ReloadEvent& event);

  const std::string index_dir_;
  SearcherPool& pool_;
  const std::chrono::milliseconds interval_;
  Listener listener_;

  std::mutex check_mutex_;  // one check at a time; guards what follows
  std::array<std::unique_ptr<query::Searcher>, kLevels> readers_;  // by clearance
  std::array<std::atomic<bool>, kLevels> wanted_{};  // levels whose suggestions are kept
  std::string served_;  // the served identity the readers were refreshed at
  bool failing_ = false;
  std::chrono::steady_clock::time_point next_suggest_build_{};

  mutable std::mutex state_mutex_;
  std::shared_ptr<const IndexState> state_;

  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool build_requested_ = false;  // a level was asked for the first time: check now
  std::thread thread_;
};

}  // namespace vankho::searchd
