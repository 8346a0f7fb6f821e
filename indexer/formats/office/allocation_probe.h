// Test-only: the largest single operator-new allocation made while a probe is alive (this test
// binary replaces the global operator new in allocation_probe.cpp). Proves a refused or lying zip
// entry is never buffered whole.
#pragma once

#include <cstddef>

namespace vankho::formats::office::testing {

class AllocationProbe {
 public:
  AllocationProbe();
  ~AllocationProbe();
  AllocationProbe(const AllocationProbe&) = delete;
  AllocationProbe& operator=(const AllocationProbe&) = delete;
  [[nodiscard]] size_t largest() const;
};

}  // namespace vankho::formats::office::testing
