// Reload while serving: a background thread checks the index revision every interval; when the
// indexer has committed a new one it tells the searcher pool (searches see it at once), publishes
// the new state and reports a reload event. A second thread rebuilds the suggestion indexes with
// readers of its own (at most every 5× their build time, at least 2 s apart) and publishes them
// when done: a build takes seconds on a large index, and the next revision never waits for one.
// The first suggestions too are built in the background (searches are served meanwhile, and
// suggestions_ready() says when they are); an admin reload builds them before returning.
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
  std::string served;  // the index folder's served identity the state was read from
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
  // Called from both threads (a check's event, or a background build's with changed = false).
  using Listener = std::function<void(const ReloadEvent&)>;
  // Run by the suggestion builder before each background build (tests hold a build with it).
  using BuildHook = std::function<void()>;

  IndexWatcher(std::string index_dir, SearcherPool& pool, std::chrono::milliseconds interval,
               Listener listener, BuildHook before_build = {});
  ~IndexWatcher();
  IndexWatcher(const IndexWatcher&) = delete;
  IndexWatcher& operator=(const IndexWatcher&) = delete;

  // Builds the suggestions of `level` right after the first state rather than on first use.
  void keep_completions(extract::AccessLevel level);

  // Loads the first state (throws query::IndexUnavailable), then checks in the background and
  // builds the kept levels' suggestions there.
  void start();
  void stop();

  // Checks now and brings every kept suggestion index up to date before returning (POST
  // /api/admin/reload); serialized with the background checks and builds.
  ReloadEvent check_now();

  [[nodiscard]] std::shared_ptr<const IndexState> state() const;

  // The completions a caller of `clearance` may be offered. On a level's first use its own are
  // built in the background (and kept up to date from then on); meanwhile those of the highest
  // lower level built, or null.
  [[nodiscard]] std::shared_ptr<const query::CompletionIndex> completions(
      extract::AccessLevel clearance);
  // Whether a caller of `clearance` has completions (its level's or a lower one's) yet.
  [[nodiscard]] bool suggestions_ready(extract::AccessLevel clearance) const;

 private:
  // `force`: publish a state even if nothing changed; `build_now`: build the due suggestions
  // before returning rather than ask the builder thread.
  ReloadEvent check(bool force, bool build_now);
  void run_checks();
  void run_builds();
  // Asks the builder thread for a build.
  void request_build();
  // Builds, with the builder's own readers, the suggestions of the wanted levels the state lacks,
  // and the stale ones when `stale_too`, then publishes them into the state (unless the index
  // switched meanwhile). Under build_mutex_. Reports what it built in `event`.
  void build_completions(bool stale_too, ReloadEvent& event);
  // Whether a background build is due for `state`.
  [[nodiscard]] bool build_due(const IndexState& state) const;

  const std::string index_dir_;
  SearcherPool& pool_;
  const std::chrono::milliseconds interval_;
  Listener listener_;
  BuildHook before_build_;
  std::array<std::atomic<bool>, kLevels> wanted_{};  // levels whose suggestions are kept

  std::mutex check_mutex_;  // one check at a time; guards what follows
  std::array<std::unique_ptr<query::Searcher>, kLevels> readers_;  // by clearance
  std::string served_;  // the served identity the readers were refreshed at
  bool failing_ = false;

  std::mutex build_mutex_;  // one suggestion build at a time; guards the builder's readers
  std::array<std::unique_ptr<query::Searcher>, kLevels> builders_;  // by clearance
  // Stale suggestions are not rebuilt before this (steady_clock ticks): a bulk indexing run
  // committing every few seconds does not keep a core busy rebuilding them.
  std::atomic<std::chrono::steady_clock::rep> next_stale_build_{0};

  mutable std::mutex state_mutex_;
  std::shared_ptr<const IndexState> state_;

  std::mutex wake_mutex_;
  std::condition_variable wake_checks_;
  std::condition_variable wake_builds_;
  bool stopping_ = false;
  bool build_requested_ = false;
  std::thread checks_;
  std::thread builds_;
};

}  // namespace vankho::searchd
