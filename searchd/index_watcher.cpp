#include "index_watcher.h"

#include <malloc.h>

#include "index_layout.h"

namespace vankho::searchd {
namespace {

constexpr std::chrono::seconds kMinSuggestInterval{2};
constexpr size_t kTop = kLevels - 1;  // the reader that sees every level
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Opens the readers of every clearance, or refreshes them; true when they moved to a new revision.
bool open_or_refresh(std::array<std::unique_ptr<query::Searcher>, kLevels>& readers,
                     const std::string& index_dir) {
  if (readers[kTop]) {
    bool changed = false;
    for (const auto& reader : readers) changed = reader->refresh() || changed;
    return changed;
  }
  for (size_t level = 0; level < kLevels; ++level) {
    readers[level] = std::make_unique<query::Searcher>(index_dir, extract::kAccessLevels[level]);
  }
  return true;
}

}  // namespace

IndexWatcher::IndexWatcher(std::string index_dir, SearcherPool& pool,
                           std::chrono::milliseconds interval, Listener listener,
                           BuildHook before_build)
    : index_dir_(std::move(index_dir)),
      pool_(pool),
      interval_(interval),
      listener_(std::move(listener)),
      before_build_(std::move(before_build)) {}

IndexWatcher::~IndexWatcher() { stop(); }

void IndexWatcher::keep_completions(extract::AccessLevel level) {
  wanted_[extract::level_index(level)] = true;
}

void IndexWatcher::start() {
  const ReloadEvent first = check(true, false);
  if (!first.error.empty()) throw query::IndexUnavailable(first.error);
  checks_ = std::thread([this] { run_checks(); });
  builds_ = std::thread([this] { run_builds(); });
  // Searches are served from now on; the first suggestions follow (seconds on a large archive,
  // minutes over remote shards, which hand out each document by a round trip).
  request_build();
}

bool IndexWatcher::suggestions_ready(extract::AccessLevel clearance) const {
  const std::shared_ptr<const IndexState> current = state();
  if (!current) return false;
  for (size_t k = extract::level_index(clearance) + 1; k-- > 0;) {
    if (current->suggest[k]) return true;
  }
  return false;
}

void IndexWatcher::stop() {
  {
    std::lock_guard lock(wake_mutex_);
    stopping_ = true;
  }
  wake_checks_.notify_all();
  wake_builds_.notify_all();
  if (checks_.joinable()) checks_.join();
  if (builds_.joinable()) builds_.join();
}

void IndexWatcher::run_checks() {
  std::unique_lock lock(wake_mutex_);
  while (!stopping_) {
    wake_checks_.wait_for(lock, interval_, [&] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    check(false, false);
    lock.lock();
  }
}

void IndexWatcher::run_builds() {
  std::unique_lock lock(wake_mutex_);
  while (true) {
    wake_builds_.wait(lock, [&] { return stopping_ || build_requested_; });
    if (stopping_) break;
    build_requested_ = false;
    lock.unlock();
    if (before_build_) before_build_();
    ReloadEvent event;
    {
      std::lock_guard build_lock(build_mutex_);
      build_completions(Clock::now().time_since_epoch().count() >= next_stale_build_, event);
    }
    if ((event.suggest_built > 0 || !event.error.empty()) && listener_) listener_(event);
    lock.lock();
  }
}

void IndexWatcher::request_build() {
  {
    std::lock_guard lock(wake_mutex_);
    build_requested_ = true;
  }
  wake_builds_.notify_one();
}

ReloadEvent IndexWatcher::check_now() { return check(true, true); }

std::shared_ptr<const IndexState> IndexWatcher::state() const {
  std::lock_guard lock(state_mutex_);
  return state_;
}

bool IndexWatcher::build_due(const IndexState& state) const {
  const bool stale_due = Clock::now().time_since_epoch().count() >= next_stale_build_;
  for (size_t level = 0; level < kLevels; ++level) {
    if (!wanted_[level]) continue;
    if (!state.suggest[level]) return true;
    if (stale_due && state.suggest_revision[level] != state.levels[level].revision) return true;
  }
  return false;
}

void IndexWatcher::build_completions(bool stale_too, ReloadEvent& event) {
  const auto started = Clock::now();
  try {
    const std::shared_ptr<const IndexState> current = state();
    if (!current) return;
    // Read before the readers refresh, like a check: built after a switch, they are not published.
    const std::string served = schema::served_identity(index_dir_);
    open_or_refresh(builders_, index_dir_);
    std::array<LevelView, kLevels> views;
    for (size_t level = 0; level < kLevels; ++level) {
      const query::IndexInfo info = builders_[level]->info();
      views[level] = {info.revision, info.documents};
    }
    std::array<std::shared_ptr<const query::CompletionIndex>, kLevels> fresh{};  // by level
    std::array<std::shared_ptr<const query::CompletionIndex>, kLevels> built{};  // by level built from
    for (size_t level = 0; level < kLevels; ++level) {
      if (!wanted_[level]) continue;
      const bool missing = !current->suggest[level];
      const bool stale = !missing && current->suggest_revision[level] != views[level].revision;
      if (!missing && !(stale && stale_too)) continue;
      // The levels whose readers see the same documents (the levels between them are empty)
      // share one index: one already fresh for them, or built by the lowest of them.
      size_t base = level;
      while (base > 0 && views[base - 1].documents == views[level].documents) --base;
      for (size_t k = base; k < kLevels && !built[base]; ++k) {
        if (views[k].documents != views[level].documents) continue;
        if (fresh[k]) built[base] = fresh[k];
        else if (current->suggest[k] && current->suggest_revision[k] == views[k].revision)
          built[base] = current->suggest[k];
      }
      if (!built[base]) {
        built[base] = builders_[base]->completions();
        ++event.suggest_built;
        event.suggest_levels.emplace_back(extract::level_slug(extract::kAccessLevels[base]));
      }
      fresh[level] = built[base];
    }
    if (event.suggest_built == 0) return;
    const auto build_time = Clock::now() - started;
    event.suggest_ms = ms_since(started);
    next_stale_build_ = (Clock::now() + std::max<Clock::duration>(kMinSuggestInterval, build_time * 5))
                            .time_since_epoch()
                            .count();
    {
      std::lock_guard lock(state_mutex_);
      if (state_->served != served) return;  // a rebuilt index switched in: the next build is its
      auto next = std::make_shared<IndexState>(*state_);
      for (size_t level = 0; level < kLevels; ++level) {
        if (!fresh[level]) continue;
        next->suggest[level] = std::move(fresh[level]);
        next->suggest_revision[level] = views[level].revision;
      }
      state_ = std::move(next);
    }
    // What the replaced indexes held goes back to the system rather than staying in malloc's
    // arenas (an index of a large archive is tens of MB, rebuilt all day).
    ::malloc_trim(0);
  } catch (const query::IndexUnavailable& e) {
    event.error = std::string("suggestions: ") + e.what();
  } catch (const std::exception& e) {  // IndexReadError, or memory
    event.error = "suggestions: cannot read the index " + index_dir_ + ": " + e.what();
  }
  if (!event.error.empty()) {
    for (auto& reader : builders_) reader.reset();
  }
}

ReloadEvent IndexWatcher::check(bool force, bool build_now) {
  std::lock_guard lock(check_mutex_);
  const auto started = Clock::now();
  ReloadEvent event;
  try {
    // Read before the readers refresh: a switch after this is seen by the next check.
    std::string served = schema::served_identity(index_dir_);
    const bool switched = served != served_;
    const bool changed = open_or_refresh(readers_, index_dir_);
    served_ = served;
    const std::shared_ptr<const IndexState> current = state();
    if (changed || force || !current) {
      auto next = std::make_shared<IndexState>();
      const query::IndexInfo whole = readers_[kTop]->info();
      next->revision = whole.revision;
      next->documents = whole.documents;
      next->served = std::move(served);
      for (size_t level = 0; level < kLevels; ++level) {
        const query::IndexInfo info = readers_[level]->info();
        next->levels[level] = {info.revision, info.documents};
      }
      pool_.advance();  // searches see the new revision from now on
      event.changed = !current || changed || current->revision != next->revision;
      event.revision = next->revision;
      event.documents = next->documents;
      {
        std::lock_guard state_lock(state_mutex_);
        // The suggestions go on serving until the builder replaces them; a rebuilt index that
        // switched in keeps nothing of the old one's.
        if (state_ && !switched) {
          next->suggest = state_->suggest;
          next->suggest_revision = state_->suggest_revision;
        }
        state_ = next;
      }
    }
    if (build_now) {
      std::lock_guard build_lock(build_mutex_);
      build_completions(true, event);
      if (!event.error.empty()) throw query::IndexUnavailable(event.error);
    } else if (const auto now = state(); now && build_due(*now)) {
      request_build();
    }
  } catch (const query::IndexUnavailable& e) {
    event.error = e.what();
  } catch (const std::exception& e) {  // IndexReadError, or memory
    event.error = "cannot read the index " + index_dir_ + ": " + e.what();
  }
  if (!event.error.empty()) {
    for (auto& reader : readers_) reader.reset();
  }
  event.took_ms = ms_since(started);
  // Report each change, and an error once until the index is readable again.
  const bool report = event.changed || event.suggest_built > 0 ||
                      (!event.error.empty() && !failing_) || (event.error.empty() && failing_);
  failing_ = !event.error.empty();
  if (report && listener_) listener_(event);
  return event;
}

std::shared_ptr<const query::CompletionIndex> IndexWatcher::completions(
    extract::AccessLevel clearance) {
  const size_t level = extract::level_index(clearance);
  const std::shared_ptr<const IndexState> current = state();
  if (!current) return nullptr;
  if (current->suggest[level]) return current->suggest[level];
  // First use of this level: the builder makes it (seconds on a large index) while this request,
  // and those until it is ready, get the highest lower level's — never a higher one's.
  if (!wanted_[level].exchange(true)) request_build();
  for (size_t k = level; k-- > 0;) {
    if (current->suggest[k]) return current->suggest[k];
  }
  return nullptr;
}

}  // namespace vankho::searchd
