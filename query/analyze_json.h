// The `_analyze` view of the analyzer: tokens as JSON, for people and tests to see what the engine
// does with a text.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace vankho::query {

// [{"text","norm","folded","pos","start","end","code"}, ...] for valid UTF-8 `text`.
[[nodiscard]] nlohmann::ordered_json analyze_to_json(std::string_view text);

}  // namespace vankho::query
