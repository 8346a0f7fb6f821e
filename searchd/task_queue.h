// A bounded connection queue for cpp-httplib (whose own pool is unbounded and sized at build
// time). `threads` workers serve connections; at most `max_queue` wait for one. A connection past
// that goes to a single shedding thread, where the request is answered 503 with Retry-After and
// the connection closed, so latency cannot grow without end. TaskQueue::enqueue cannot refuse a
// connection (it owns the socket), hence the shedding thread rather than a rejection.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace vankho::searchd {

// Counters the server reads while httplib owns the queue.
struct QueueStats {
  std::atomic<size_t> queued{0};  // connections waiting for a worker
};

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(size_t threads, size_t max_queue, QueueStats& stats);
  ~BoundedTaskQueue() override;

  void enqueue(std::function<void()> fn) override;
  // Serves every connection already accepted, then joins the threads.
  void shutdown() override;

  // True on the shedding thread: the request being handled must be refused with 503.
  [[nodiscard]] static bool shedding();

 private:
  void work(bool shed);

  const size_t max_queue_;
  QueueStats& stats_;
  std::mutex mutex_;
  std::condition_variable ready_, shed_ready_;
  std::deque<std::function<void()>> jobs_, shed_jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  std::thread shedder_;
};

}  // namespace vankho::searchd
