// The subjects vankho_gen writes about: the themes of vankho's own taxonomy
// (indexer/extract/themes.tsv, built into vankho_gen), so that the indexer finds them again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vankho::gen {

struct GenTheme {
  std::string id, label;             // "chuyen-doi-so", "Chuyển đổi số"
  std::vector<std::string> phrases;  // those of two words or more, no acronym: "chính quyền số"
};

// Parses the taxonomy's text (id TAB label TAB phrase | phrase ...; `#` comments); nullopt with
// `error` (line and reason) when no theme has a phrase of two words.
[[nodiscard]] std::optional<std::vector<GenTheme>> parse_themes(std::string_view tsv,
                                                                std::string& error);

}  // namespace vankho::gen
