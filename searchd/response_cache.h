// Recent /api/search answers, ready to send: a portal's search box and its users ask the same
// queries again and again, and a hit costs a hash lookup instead of a search (Solr's
// queryResultCache and Elasticsearch's request cache do the same). Entries belong to one index
// generation (SearcherPool): the first answer computed on a newer generation empties the cache, so
// a reload never serves an old page. Least recently used entries go first; bounded by entries and
// bytes. Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace vankho::searchd {

class ResponseCache {
 public:
  // max_entries 0 disables the cache.
  ResponseCache(size_t max_entries, size_t max_bytes) : max_entries_(max_entries), max_bytes_(max_bytes) {}

  struct Answer {
    std::string body;  // the JSON as sent
    size_t hits = 0;   // for the access log
  };
  [[nodiscard]] std::optional<Answer> get(const std::string& key, uint64_t generation);
  void put(const std::string& key, uint64_t generation, const Answer& answer);

  struct Stats {
    uint64_t hits = 0, misses = 0;
    size_t entries = 0, bytes = 0;
  };
  [[nodiscard]] Stats stats() const;

 private:
  using Order = std::list<std::string>;  // keys, most recently used first
  struct Entry {
    Answer answer;
    Order::iterator position;
  };
  void evict_locked();

  const size_t max_entries_, max_bytes_;
  mutable std::mutex mutex_;
  uint64_t generation_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  Order order_;
  size_t bytes_ = 0;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace vankho::searchd
