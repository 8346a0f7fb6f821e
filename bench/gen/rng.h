// vankho_gen's randomness: std::mt19937_64 (its output sequence is fixed by the standard) with
// distributions written here, since std:: distributions differ between standard libraries. Integer
// arithmetic only, so that the same seed gives the same bytes on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string_view>
#include <vector>

namespace vankho::gen {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  // Uniform in [0, n); n > 0. Rejection sampling: no modulo bias.
  uint64_t below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    for (;;) {
      const uint64_t x = engine_();
      if (x < limit) return x % n;
    }
  }
  // Uniform in [lo, hi].
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // True with probability percent / 100.
  bool percent(unsigned percent) { return below(100) < percent; }
  // True with probability per_mille / 1000.
  bool per_mille(unsigned per_mille) { return below(1000) < per_mille; }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

  // An index drawn with the given integer weights (not all zero).
  size_t weighted(std::span<const unsigned> weights) {
    uint64_t total = 0;
    for (unsigned w : weights) total += w;
    uint64_t r = below(total);
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

  // A fresh generator whose stream depends on this one's seed and `salt` only.
  static uint64_t derive(uint64_t seed, std::string_view salt) {
    uint64_t h = seed ^ 0x9e3779b97f4a7c15ull;
    for (unsigned char c : salt) h = (h ^ c) * 0x100000001b3ull;
    return h;
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace vankho::gen
