// HTML character references: the common named ones (markup, typography, Latin-1 letters and the
// Latin Extended names Vietnamese uses: Abreve, Dstrok, Itilde, Utilde...) and numeric &#...; and
// &#x...; (with the HTML rules: 0, surrogates and out-of-range become U+FFFD, 0x80-0x9F are
// read as Windows-1252 as browsers do).
#pragma once

#include <cstddef>
#include <string_view>

namespace vankho::ingest {

struct EntityMatch {
  char32_t code_point = 0;
  size_t length = 0;  // bytes consumed from the '&'; 0 when there is no reference here
};

// Decodes the character reference starting at text[pos] == '&'. Unknown names are no match.
[[nodiscard]] EntityMatch match_entity(std::string_view text, size_t pos);

}  // namespace vankho::ingest
