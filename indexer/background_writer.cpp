#include "background_writer.h"

namespace vankho::index {

BackgroundWriter::BackgroundWriter(size_t max_queued, uint64_t max_queued_bytes)
    : max_queued_(max_queued), max_queued_bytes_(max_queued_bytes), thread_([this] { run(); }) {}

BackgroundWriter::~BackgroundWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

void BackgroundWriter::rethrow_error_locked() {
  if (error_) std::rethrow_exception(error_);
}

void BackgroundWriter::post(Change change, uint64_t bytes) {
  std::unique_lock lock(mutex_);
  // One item is always admitted, however large, so that a huge document cannot wait forever.
  changed_.wait(lock, [&] {
    return error_ || queue_.empty() || (queue_.size() < max_queued_ && queued_bytes_ + bytes <= max_queued_bytes_);
  });
  rethrow_error_locked();
  queue_.push_back({std::move(change), bytes});
  queued_bytes_ += bytes;
  lock.unlock();
  changed_.notify_all();
}

void BackgroundWriter::drain() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return error_ || (queue_.empty() && !applying_); });
  rethrow_error_locked();
}

void BackgroundWriter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    Item item = std::move(queue_.front());
    queue_.pop_front();
    queued_bytes_ -= item.bytes;
    applying_ = true;
    lock.unlock();
    changed_.notify_all();  // room in the queue
    std::exception_ptr error;
    try {
      item.change();
    } catch (...) {  // Xapian::Error is not a std::exception: keep whatever was thrown
      error = std::current_exception();
    }
    item = {};  // the document is released here, off the producer's thread
    lock.lock();
    applying_ = false;
    if (error) {
      error_ = error;
      queue_.clear();
      queued_bytes_ = 0;
    }
    changed_.notify_all();
    if (error) {
      // Nothing more is applied; wait for the owner to stop us.
      changed_.wait(lock, [&] { return stopping_; });
      return;
    }
  }
}

}  // namespace vankho::index
