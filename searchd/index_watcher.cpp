#include "index_watcher.h"

namespace vankho::searchd {
namespace {

constexpr std::chrono::seconds kMinSuggestInterval{2};

}  // namespace

IndexWatcher::IndexWatcher(std::string index_dir, SearcherPool& pool, std::chrono::milliseconds interval,
                           Listener listener)
    : index_dir_(std::move(index_dir)), pool_(pool), interval_(interval), listener_(std::move(listener)) {}

IndexWatcher::~IndexWatcher() { stop(); }

void IndexWatcher::start() {
  const ReloadEvent first = check(true);
  if (!first.error.empty()) throw query::IndexUnavailable(first.error);
  thread_ = std::thread([this] { run(); });
}

void IndexWatcher::stop() {
  {
    std::lock_guard lock(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void IndexWatcher::run() {
  std::unique_lock lock(wake_mutex_);
  while (!stopping_) {
    if (wake_.wait_for(lock, interval_, [&] { return stopping_; })) break;
    lock.unlock();
    check(false);
    lock.lock();
  }
}

ReloadEvent IndexWatcher::check_now() { return check(true); }

std::shared_ptr<const IndexState> IndexWatcher::state() const {
  std::lock_guard lock(state_mutex_);
  return state_;
}

ReloadEvent IndexWatcher::check(bool force) {
  std::lock_guard lock(check_mutex_);
  const auto started = std::chrono::steady_clock::now();
  ReloadEvent event;
  try {
    bool changed = false;
    if (!reader_) {
      reader_ = std::make_unique<query::Searcher>(index_dir_);
      changed = true;
    } else {
      changed = reader_->refresh();
    }
    const std::shared_ptr<const IndexState> current = state();
    if (changed) suggest_stale_ = true;
    // Suggestions are rebuilt at most every few times their build time, so that a bulk indexing
    // run committing every few seconds does not keep a core busy rebuilding them.
    const auto now = std::chrono::steady_clock::now();
    const bool rebuild_suggest =
        !current || !current->suggest || (suggest_stale_ && (force || now >= next_suggest_build_));
    if (changed || force || !current || rebuild_suggest) {
      const query::IndexInfo info = reader_->info();
      // Searches first: they see the new revision while the suggestions are rebuilt.
      if (changed || force) pool_.advance();
      auto next = std::make_shared<IndexState>();
      next->revision = info.revision;
      next->documents = info.documents;
      if (rebuild_suggest) {
        const auto build_started = std::chrono::steady_clock::now();
        next->suggest = reader_->completions();
        const auto build_time = std::chrono::steady_clock::now() - build_started;
        next_suggest_build_ = std::chrono::steady_clock::now() + std::max<std::chrono::steady_clock::duration>(
                                                                     kMinSuggestInterval, build_time * 5);
        suggest_stale_ = false;
        next->suggest_revision = info.revision;
      } else {
        next->suggest = current->suggest;
        next->suggest_revision = current->suggest_revision;
      }
      event.changed = !current || changed || current->revision != next->revision;
      event.revision = next->revision;
      event.documents = next->documents;
      std::lock_guard state_lock(state_mutex_);
      state_ = std::move(next);
    }
  } catch (const query::IndexUnavailable& e) {
    event.error = e.what();
  } catch (const std::exception& e) {  // IndexReadError, or memory
    event.error = "cannot read the index " + index_dir_ + ": " + e.what();
  }
  if (!event.error.empty()) reader_.reset();
  event.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  // Report each change, and an error once until the index is readable again.
  const bool report = event.changed || (!event.error.empty() && !failing_) || (event.error.empty() && failing_);
  failing_ = !event.error.empty();
  if (report && listener_) listener_(event);
  return event;
}

}  // namespace vankho::searchd
