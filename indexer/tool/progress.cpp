#include "progress.h"

#include <cstdio>

namespace vankho::indexer_tool {

void Progress::update(uint64_t documents, uint64_t bytes) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb_per_s = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  std::fprintf(stderr, "\r%llu documents, %.1f MB, %.1f MB/s",
               static_cast<unsigned long long>(documents), static_cast<double>(bytes) / 1e6, mb_per_s);
  if (total_bytes_ > 0 && bytes > 0 && bytes < total_bytes_ && mb_per_s > 0) {
    const double eta = static_cast<double>(total_bytes_ - bytes) / 1e6 / mb_per_s;
    std::fprintf(stderr, ", ETA %.0f s   ", eta);
  } else {
    std::fprintf(stderr, "   ");
  }
  std::fflush(stderr);
}

void Progress::finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\n");
}

}  // namespace vankho::indexer_tool
