#include "searcher_pool.h"

namespace vankho::searchd {

SearcherPool::Lease::~Lease() {
  if (slot_ && !discarded_) pool_->give_back(std::move(slot_));
}

SearcherPool::Lease SearcherPool::acquire(extract::AccessLevel clearance) {
  std::unique_ptr<Slot> slot;
  {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[extract::level_index(clearance)];
    if (!idle.empty()) {
      slot = std::move(idle.back());
      idle.pop_back();
    }
  }
  const uint64_t generation = generation_.load(std::memory_order_acquire);
  if (slot && slot->generation != generation) {
    try {
      // The watcher saw a change, perhaps a shard that this reader left out coming back: its
      // retry time (set when this reader failed, maybe after the watcher did) must not hold it out.
      slot->searcher->refresh(query::Searcher::ShardRetry::kNow);
      slot->generation = generation;
    } catch (const std::runtime_error&) {  // IndexUnavailable, IndexReadError
      slot.reset();  // the index was replaced or damaged: open it afresh below
    }
  }
  if (!slot) {
    slot = std::make_unique<Slot>();
    slot->searcher = std::make_unique<query::Searcher>(index_dir_, clearance);  // throws IndexUnavailable
    slot->generation = generation;
    created_.fetch_add(1, std::memory_order_relaxed);
  }
  return Lease(*this, std::move(slot));
}

void SearcherPool::give_back(std::unique_ptr<Slot> slot) {
  const size_t level = extract::level_index(slot->searcher->clearance());
  std::lock_guard lock(mutex_);
  idle_[level].push_back(std::move(slot));
}

}  // namespace vankho::searchd
