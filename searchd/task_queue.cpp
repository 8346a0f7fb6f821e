#include "task_queue.h"

namespace vankho::searchd {
namespace {

thread_local bool t_shedding = false;

}  // namespace

BoundedTaskQueue::BoundedTaskQueue(size_t threads, size_t max_queue, QueueStats& stats)
    : max_queue_(max_queue), stats_(stats) {
  for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(false); });
  shedder_ = std::thread([this] { work(true); });
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

bool BoundedTaskQueue::shedding() { return t_shedding; }

void BoundedTaskQueue::enqueue(std::function<void()> fn) {
  {
    std::lock_guard lock(mutex_);
    if (jobs_.size() < max_queue_) {
      jobs_.push_back(std::move(fn));
      stats_.queued.store(jobs_.size(), std::memory_order_relaxed);
      ready_.notify_one();
      return;
    }
    shed_jobs_.push_back(std::move(fn));
  }
  shed_ready_.notify_one();
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  ready_.notify_all();
  shed_ready_.notify_all();
  for (auto& t : workers_) t.join();
  shedder_.join();
}

void BoundedTaskQueue::work(bool shed) {
  t_shedding = shed;
  auto& jobs = shed ? shed_jobs_ : jobs_;
  auto& ready = shed ? shed_ready_ : ready_;
  for (;;) {
    std::function<void()> fn;
    {
      std::unique_lock lock(mutex_);
      ready.wait(lock, [&] { return stopping_ || !jobs.empty(); });
      if (jobs.empty()) return;  // stopping, and every accepted connection was served
      fn = std::move(jobs.front());
      jobs.pop_front();
      if (!shed) stats_.queued.store(jobs.size(), std::memory_order_relaxed);
    }
    fn();
  }
}

}  // namespace vankho::searchd
