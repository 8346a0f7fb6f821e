// Progress line for vankho-indexer on a terminal: documents, MB/s and, when the total input size is
// known, an ETA. Redrawn at most every 200 ms.
#pragma once

#include <chrono>
#include <cstdint>

namespace vankho::indexer_tool {

class Progress {
 public:
  Progress(bool enabled, uint64_t total_bytes) : enabled_(enabled), total_bytes_(total_bytes) {}
  void update(uint64_t documents, uint64_t bytes);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  uint64_t total_bytes_;  // 0 when unknown (compressed input)
  Clock::time_point start_ = Clock::now(), last_draw_{};
  bool drawn_ = false;
};

}  // namespace vankho::indexer_tool
