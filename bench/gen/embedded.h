// The data built into vankho_gen at compile time (embedded.cpp): the text model
// (bench/gen/vocab-model.txt.gz, gzip) and vankho's theme taxonomy (indexer/extract/themes.tsv).
#pragma once

#include <string_view>

namespace vankho::gen {

[[nodiscard]] std::string_view embedded_model_gz();
[[nodiscard]] std::string_view embedded_themes_tsv();

}  // namespace vankho::gen
