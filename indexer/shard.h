// `--shard I/N`: which documents one shard of an archive holds. A document belongs to shard
// 1 + (FNV-1a 64 of its id mod N), so that N indexers run over the same archive each write a
// disjoint part and together every document once; the shards are then served by stock
// xapian-tcpsrv and searched as one archive through a Xapian stub file (query/searcher.h). The hash
// is spelled out here (not std::hash, which may change between library versions) because a
// document must stay in its shard across versions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vankho::index {

struct Shard {
  uint32_t index = 1, count = 1;  // 1 <= index <= count

  [[nodiscard]] bool holds(std::string_view id) const;
  [[nodiscard]] std::string text() const;  // "I/N"

  // "2/3" → {2, 3}; nullopt with `error` saying what was wrong.
  [[nodiscard]] static std::optional<Shard> parse(std::string_view text, std::string& error);
};

}  // namespace vankho::index
