// Several inputs out of one fuzz input: fields separated by the byte 0x1E (record separator), so
// that a seed is readable and libFuzzer learns the separator from the seeds. Missing fields are
// empty; the last field takes the rest (separators included).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace vankho::fuzz {

inline constexpr char kFieldSeparator = '\x1e';

template <size_t N>
[[nodiscard]] std::array<std::string_view, N> split_fields(std::string_view input) {
  std::array<std::string_view, N> fields{};
  for (size_t i = 0; i + 1 < N; ++i) {
    const size_t cut = input.find(kFieldSeparator);
    if (cut == std::string_view::npos) {
      fields[i] = input;
      return fields;
    }
    fields[i] = input.substr(0, cut);
    input.remove_prefix(cut + 1);
  }
  fields[N - 1] = input;
  return fields;
}

}  // namespace vankho::fuzz
