// Content hashing for incremental indexing: 64 bits over length-prefixed strings, built from
// XXH64's round and final avalanche on a single lane (8 bytes a step, about 1 cycle a byte).
// Hand-written in a few lines because no hash library is in the design card. The value is stored
// in the index, so it must never change between builds or platforms: words are read
// little-endian whatever the machine, and golden values in hash_test.cpp pin it.
#pragma once

#include <cstdint>
#include <string_view>

namespace vankho::ingest {

class ContentHasher {
 public:
  // Adds the length and then the bytes, so "ab"+"c" differs from "a"+"bc".
  void add(std::string_view bytes);
  [[nodiscard]] uint64_t value() const;

 private:
  uint64_t state_ = 0x27D4EB2F165667C5ull;
};

}  // namespace vankho::ingest
