// Prometheus text exposition for GET /metrics: requests by route and status, a latency histogram
// per route, requests shed by the bounded queue, identity headers ignored, and the served index's
// revision and size as the scraper's clearance sees them. Nothing per document, caller or key.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "routes.h"

namespace vankho::searchd {

struct IndexGauges {
  uint64_t revision = 0;
  uint64_t documents = 0;
  uint64_t reloads = 0;
  uint64_t searchers = 0;
  uint64_t queued = 0;
  uint64_t cache_hits = 0, cache_misses = 0, cache_entries = 0;
  double uptime_s = 0;
};

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};

  void observe(Route route, int status, double seconds);
  void count_shed() { shed_.fetch_add(1, std::memory_order_relaxed); }
  void count_reload() { reloads_.fetch_add(1, std::memory_order_relaxed); }
  // X-Vankho-User/X-Vankho-Level sent from an address not given with --trusted-proxy.
  void count_ignored_identity() { ignored_identity_.fetch_add(1, std::memory_order_relaxed); }
  [[nodiscard]] uint64_t reloads() const { return reloads_.load(std::memory_order_relaxed); }

  [[nodiscard]] std::string render(const IndexGauges& gauges) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};  // non-cumulative; rendered cumulatively
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<Route, int>, uint64_t> requests_;
  std::array<Histogram, kRouteCount> latency_{};
  std::atomic<uint64_t> shed_{0};
  std::atomic<uint64_t> reloads_{0};
  std::atomic<uint64_t> ignored_identity_{0};
};

}  // namespace vankho::searchd
