#include "response_cache.h"

namespace vankho::searchd {

std::optional<ResponseCache::Answer> ResponseCache::get(const std::string& key, uint64_t generation) {
  if (max_entries_ == 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = generation == generation_ ? entries_.find(key) : entries_.end();
  if (it == entries_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  order_.splice(order_.begin(), order_, it->second.position);
  return it->second.answer;
}

void ResponseCache::put(const std::string& key, uint64_t generation, const Answer& answer) {
  const size_t size = key.size() + answer.body.size();
  if (max_entries_ == 0 || size > max_bytes_ / 16) return;  // one answer never takes much of it
  std::lock_guard lock(mutex_);
  if (generation < generation_) return;  // computed on an index already replaced
  if (generation > generation_) {
    entries_.clear();
    order_.clear();
    bytes_ = 0;
    generation_ = generation;
  }
  if (entries_.contains(key)) return;  // another thread answered the same request meanwhile
  order_.push_front(key);
  entries_.emplace(key, Entry{answer, order_.begin()});
  bytes_ += size;
  evict_locked();
}

void ResponseCache::evict_locked() {
  while (!order_.empty() && (entries_.size() > max_entries_ || bytes_ > max_bytes_)) {
    const auto it = entries_.find(order_.back());
    bytes_ -= it->first.size() + it->second.answer.body.size();
    entries_.erase(it);
    order_.pop_back();
  }
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mutex_);
  return {hits_, misses_, entries_.size(), bytes_};
}

}  // namespace vankho::searchd
