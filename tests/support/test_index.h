// Builds a real index for tests, the way vankho-indexer does (index_run.h).
#pragma once

#include <string>
#include <vector>

#include "index_run.h"

namespace vankho::testing {

// The project's seeds/ folder.
[[nodiscard]] std::string seeds_dir();

// Indexes `paths` into `index_dir` with the built-in themes; returns the run's statistics.
index::RunStats build_index(const std::string& index_dir, const std::vector<std::string>& paths);

// The same with an --access rules file (access_rules.h) placing documents at levels; throws
// std::runtime_error when the file does not parse.
index::RunStats build_index_with_access(const std::string& index_dir, const std::vector<std::string>& paths,
                                        const std::string& rules_file);

}  // namespace vankho::testing
