#include "shard.h"

#include <charconv>

namespace vankho::index {

bool Shard::holds(std::string_view id) const {
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64
  for (const unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h % count + 1 == index;
}

std::string Shard::text() const { return std::to_string(index) + "/" + std::to_string(count); }

std::optional<Shard> Shard::parse(std::string_view text, std::string& error) {
  const size_t slash = text.find('/');
  Shard s;
  auto number = [](std::string_view part, uint32_t& out) {
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc() && end == part.data() + part.size() && !part.empty();
  };
  if (slash == std::string_view::npos || !number(text.substr(0, slash), s.index) ||
      !number(text.substr(slash + 1), s.count)) {
    error = "expected I/N, the shard's number and how many there are (e.g. 2/3), got '" + std::string(text) + "'";
    return std::nullopt;
  }
  if (s.count < 1 || s.count > 1024 || s.index < 1 || s.index > s.count) {
    error = "expected 1 <= I <= N <= 1024, got '" + std::string(text) + "'";
    return std::nullopt;
  }
  return s;
}

}  // namespace vankho::index
