// Applies changes to a Xapian index on a thread of its own, strictly in the order they were posted,
// so that building the next documents (analysis, extraction, term lists) overlaps Xapian's inversion
// and commits of the previous ones. The queue is bounded (documents and bytes): a producer faster
// than the index waits instead of filling memory. A change that throws stops the writer; the error
// is rethrown to the producer by the next post() or drain(), and later changes are discarded, so the
// index stays at its last commit as if the process had stopped there.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace vankho::index {

class BackgroundWriter {
 public:
  using Change = std::function<void()>;  // captures the database(s) it changes

  explicit BackgroundWriter(size_t max_queued = 256, uint64_t max_queued_bytes = 64ull << 20);
  ~BackgroundWriter();  // discards what is still queued and joins the thread
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  // Queues `change` (`bytes`: its approximate size, for the bound). Waits while the queue is full.
  void post(Change change, uint64_t bytes);
  // Waits until every posted change has been applied; afterwards the caller may use the database
  // directly until its next post().
  void drain();

 private:
  struct Item {
    Change change;
    uint64_t bytes;
  };
  void run();
  void rethrow_error_locked();

  const size_t max_queued_;
  const uint64_t max_queued_bytes_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Item> queue_;
  uint64_t queued_bytes_ = 0;
  bool applying_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started when everything above exists
};

}  // namespace vankho::index
