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

}  // namespace vankho::testing
