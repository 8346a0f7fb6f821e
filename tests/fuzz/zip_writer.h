// A zip file of stored (uncompressed) entries with correct CRCs, made in memory: the office target
// wraps the XML that libFuzzer mutates in a valid package, since a mutated zip rarely gets past its
// CRC check to the XML.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vankho::fuzz {

[[nodiscard]] std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& entries);

}  // namespace vankho::fuzz
