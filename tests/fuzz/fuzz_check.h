// What every fuzz target shares: FUZZ_CHECK, an invariant that holds in every build (NDEBUG or
// not) and aborts with what it expected, so that libFuzzer and the replay test both see a failure;
// and the small checks most targets make of text they get back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#define FUZZ_CHECK(condition, expectation) \
  ((condition) ? (void)0 : ::vankho::fuzz::fail(__FILE__, __LINE__, #condition, expectation))

namespace vankho::fuzz {

[[noreturn]] void fail(const char* file, int line, const char* condition, std::string_view expectation);

[[nodiscard]] inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Well-formed UTF-8 (text::valid_utf8): what every reader promises and JSON output needs.
[[nodiscard]] bool valid_utf8(std::string_view s);

}  // namespace vankho::fuzz
