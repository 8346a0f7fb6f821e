#include "searcher_pool.h"

namespace vankho::searchd {

SearcherPool::Lease::~Lease() {
  if (slot_ && !discarded_) pool_->give_back(std::move(slot_));
}

SearcherPool::Lease SearcherPool::acquire() {
  std::unique_ptr<Slot> slot;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      slot = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  const uint64_t generation = generation_.load(std::memory_order_acquire);
  if (slot && slot->generation != generation) {
    try {
      slot->searcher->refresh();
      slot->generation = generation;
    } catch (const std::runtime_error&) {  // IndexUnavailable, IndexReadError
      slot.reset();  // the index was replaced or damaged: open it afresh below
    }
  }
  if (!slot) {
    slot = std::make_unique<Slot>();
    slot->searcher = std::make_unique<query::Searcher>(index_dir_);  // throws IndexUnavailable
    slot->generation = generation;
    created_.fetch_add(1, std::memory_order_relaxed);
  }
  return Lease(*this, std::move(slot));
}

void SearcherPool::give_back(std::unique_ptr<Slot> slot) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(slot));
}

}  // namespace vankho::searchd
