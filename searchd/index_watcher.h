// Reload while serving: a background thread checks the index revision every interval; when the
// indexer has committed a new one it tells the searcher pool (searches see it at once), rebuilds
// the suggestion index off to the side (at most every 5× its build time, at least 2 s apart),
// publishes the new state and reports a reload event.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "completion_index.h"
#include "searcher_pool.h"

namespace vankho::searchd {

struct IndexState {
  uint64_t revision = 0;
  uint64_t documents = 0;
  std::shared_ptr<const query::CompletionIndex> suggest;
  uint64_t suggest_revision = 0;  // the revision the suggestions were built from
};

struct ReloadEvent {
  bool changed = false;
  uint64_t revision = 0;
  uint64_t documents = 0;
  double took_ms = 0;
  std::string error;  // the index could not be read (the previous state keeps serving)
};

class IndexWatcher {
 public:
  using Listener = std::function<void(const ReloadEvent&)>;

  IndexWatcher(std::string index_dir, SearcherPool& pool, std::chrono::milliseconds interval, Listener listener);
  ~IndexWatcher();
  IndexWatcher(const IndexWatcher&) = delete;
  IndexWatcher& operator=(const IndexWatcher&) = delete;

  // Loads the first state (throws query::IndexUnavailable), then checks in the background.
  void start();
  void stop();

  // Checks now (POST /api/admin/reload); serialized with the background checks.
  ReloadEvent check_now();

  [[nodiscard]] std::shared_ptr<const IndexState> state() const;

 private:
  ReloadEvent check(bool force);
  void run();

  const std::string index_dir_;
  SearcherPool& pool_;
  const std::chrono::milliseconds interval_;
  Listener listener_;

  std::mutex check_mutex_;  // one check at a time
  std::unique_ptr<query::Searcher> reader_;
  bool failing_ = false;
  bool suggest_stale_ = false;
  std::chrono::steady_clock::time_point next_suggest_build_{};

  mutable std::mutex state_mutex_;
  std::shared_ptr<const IndexState> state_;

  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vankho::searchd
