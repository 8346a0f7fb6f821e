#include "index_watcher.h"

#include "index_layout.h"

namespace vankho::searchd {
namespace {

constexpr std::chrono::seconds kMinSuggestInterval{2};
constexpr size_t kTop = kLevels - 1;  // the reader that sees every level

}  // namespace

IndexWatcher::IndexWatcher(std::string index_dir, SearcherPool& pool,
                           std::chrono::milliseconds interval, Listener listener)
    : index_dir_(std::move(index_dir)),
      pool_(pool),
      interval_(interval),
      listener_(std::move(listener)) {}

IndexWatcher::~IndexWatcher() { stop(); }

void IndexWatcher::keep_completions(extract::AccessLevel level) {
  wanted_[extract::level_index(level)] = true;
}

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
    wake_.wait_for(lock, interval_, [&] { return stopping_ || build_requested_; });
    if (stopping_) break;
    build_requested_ = false;
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

void IndexWatcher::build_completions(IndexState& next, bool stale_too, ReloadEvent& event) {
  const auto started = std::chrono::steady_clock::now();
  std::array<std::shared_ptr<const query::CompletionIndex>, kLevels>
      built{};  // by the level built from
  for (size_t level = 0; level < kLevels; ++level) {
    if (!wanted_[level]) continue;
    const bool missing = !next.suggest[level];
    const bool stale = !missing && next.suggest_revision[level] != next.levels[level].revision;
    if (!missing && !(stale && stale_too)) continue;
    // The levels whose readers see the same documents (the levels between them are empty) share
    // one index: one already fresh for them, or built by the lowest of them.
    size_t base = level;
    while (base > 0 && next.levels[base - 1].documents == next.levels[level].documents) --base;
    for (size_t k = base; k < kLevels && !built[base]; ++k) {
      const bool same = next.levels[k].documents == next.levels[level].documents;
      if (same && next.suggest[k] && next.suggest_revision[k] == next.levels[k].revision)
        built[base] = next.suggest[k];
    }
    if (!built[base]) {
      built[base] = readers_[base]->completions();
      ++event.suggest_built;
      event.suggest_levels.emplace_back(extract::level_slug(extract::kAccessLevels[base]));
    }
    next.suggest[level] = built[base];
    next.suggest_revision[level] = next.levels[level].revision;
  }
  if (event.suggest_built > 0) {
    const auto build_time = std::chrono::steady_clock::now() - started;
    event.suggest_ms = std::chrono::duration<double, std::milli>(build_time).count();
    next_suggest_build_ =
        std::chrono::steady_clock::now() +
        std::max<std::chrono::steady_clock::duration>(kMinSuggestInterval, build_time * 5);
  }
}

ReloadEvent IndexWatcher::check(bool force) {
  std::lock_guard lock(check_mutex_);
  const auto started = std::chrono::steady_clock::now();
  ReloadEvent event;
  try {
    bool changed = false;
    // Read before the readers refresh: a switch after this is seen by the next check.
    std::string served = schema::served_identity(index_dir_);
    const bool switched = served != served_;
    if (!readers_[kTop]) {
      for (size_t level = 0; level < kLevels; ++level) {
        readers_[level] =
            std::make_unique<query::Searcher>(index_dir_, extract::kAccessLevels[level]);
      }
      changed = true;
    } else {
      for (const auto& reader : readers_) changed = reader->refresh() || changed;
    }
    served_ = std::move(served);
    const std::shared_ptr<const IndexState> current = state();
    const auto now = std::chrono::steady_clock::now();
    // Stale suggestions are rebuilt at most every few times their build time, so that a bulk
    // indexing run committing every few seconds does not keep a core busy rebuilding them.
    // Levels first asked for since the last check are built at once.
    bool stale = false, missing = false;
    if (current) {
      for (size_t level = 0; level < kLevels; ++level) {
        stale = stale || (current->suggest[level] &&
                          current->suggest_revision[level] != current->levels[level].revision);
        missing = missing || (wanted_[level] && !current->suggest[level]);
      }
    }
    if (changed || force || !current || missing || (stale && now >= next_suggest_build_)) {
      auto next = std::make_shared<IndexState>();
      const query::IndexInfo whole = readers_[kTop]->info();
      next->revision = whole.revision;
      next->documents = whole.documents;
      for (size_t level = 0; level < kLevels; ++level) {
        const query::IndexInfo info = readers_[level]->info();
        next->levels[level] = {info.revision, info.documents};
      }
      // Searches first: they see the new revision while the suggestions are rebuilt.
      if (changed || force) pool_.advance();
      // A rebuilt index switched in: nothing of the old one's suggestions is kept.
      if (current && !switched) {
        next->suggest = current->suggest;
        next->suggest_revision = current->suggest_revision;
      }
      build_completions(*next, force || switched || now >= next_suggest_build_, event);
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
  if (!event.error.empty()) {
    for (auto& reader : readers_) reader.reset();
  }
  event.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
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
  // First use of this level: the watcher builds it (seconds on a large index) while this request,
  // and those until it is ready, get the highest lower level's — never a higher one's.
  if (!wanted_[level].exchange(true)) {
    {
      std::lock_guard lock(wake_mutex_);
      build_requested_ = true;
    }
    wake_.notify_all();
  }
  for (size_t k = level; k-- > 0;) {
    if (current->suggest[k]) return current->suggest[k];
  }
  return nullptr;
}

}  // namespace vankho::searchd
