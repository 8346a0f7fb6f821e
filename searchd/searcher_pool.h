// Index readers for the worker threads. Xapian objects are not thread-safe, so each request leases
// a whole query::Searcher for itself, bound to the caller's clearance: at most one per worker
// thread and level in use exists, and a lease moves it between threads only through the pool's
// mutex. A searcher is only ever handed to a caller of its own clearance. When the watcher reports
// a new revision, every searcher reopens before its next use (a reader that still trips
// DatabaseModifiedError retries inside the Searcher).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <array>
#include <string>
#include <vector>

#include "searcher.h"

namespace vankho::searchd {

class SearcherPool {
  struct Slot {
    std::unique_ptr<query::Searcher> searcher;
    uint64_t generation = 0;
  };

 public:
  explicit SearcherPool(std::string index_dir) : index_dir_(std::move(index_dir)) {}

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Slot> slot) : pool_(&pool), slot_(std::move(slot)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    query::Searcher* operator->() { return slot_->searcher.get(); }
    query::Searcher& operator*() { return *slot_->searcher; }
    // The searcher failed in a way a retry may not fix: drop it instead of returning it.
    void discard() { discarded_ = true; }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Slot> slot_;
    bool discarded_ = false;
  };

  // A searcher of `clearance` at the newest revision the watcher has seen. Throws
  // query::IndexUnavailable.
  [[nodiscard]] Lease acquire(extract::AccessLevel clearance);

  // A new revision was committed: searchers reopen before their next use.
  void advance() { generation_.fetch_add(1, std::memory_order_release); }
  // Grows by one with every new revision: what a cached answer was computed on.
  [[nodiscard]] uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

  [[nodiscard]] size_t created() const { return created_.load(std::memory_order_relaxed); }

 private:
  void give_back(std::unique_ptr<Slot> slot);

  const std::string index_dir_;
  std::atomic<uint64_t> generation_{1};
  std::atomic<size_t> created_{0};
  std::mutex mutex_;
  std::array<std::vector<std::unique_ptr<Slot>>, extract::kAccessLevelCount> idle_;  // by clearance
};

}  // namespace vankho::searchd
