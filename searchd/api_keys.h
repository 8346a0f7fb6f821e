// The API keys of --keys FILE: each a SHA-256 hash with the name of whom it was given to and the
// access level it clears. Only hashes are kept; a presented key is hashed and compared with every
// entry in constant time.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vocabulary.h"  // extract::AccessLevel

namespace vankho::searchd {

using Sha256 = std::array<unsigned char, 32>;

[[nodiscard]] Sha256 sha256(std::string_view data);

struct ApiKey {
  Sha256 hash{};
  std::string name;
  extract::AccessLevel level = extract::AccessLevel::kCongKhai;
};

class KeyTable {
 public:
  // The file's lines: `SHA256-HEX NAME LEVEL` (LEVEL a slug or label: `mat`, `Tối mật`), blank
  // lines and `#` comment lines. On error: nullopt, and `error` is "FILE:LINE: reason".
  [[nodiscard]] static std::optional<KeyTable> load(const std::string& path, std::string& error);
  [[nodiscard]] static std::optional<KeyTable> parse(std::string_view text, std::string_view source,
                                                     std::string& error);

  // The entry of `key`, or null. Takes the same time whichever entry matches, if any.
  [[nodiscard]] const ApiKey* find(std::string_view key) const;

  [[nodiscard]] size_t size() const { return keys_.size(); }

 private:
  std::vector<ApiKey> keys_;
};

}  // namespace vankho::searchd
