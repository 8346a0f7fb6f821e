#include "test_index.h"

namespace vankho::testing {

std::string seeds_dir() { return std::string(VANKHO_SOURCE_DIR) + "/seeds"; }

index::RunStats build_index(const std::string& index_dir, const std::vector<std::string>& paths) {
  index::WriterOptions options;
  options.index_dir = index_dir;
  index::IndexWriter writer(options);
  return index::index_paths(writer, paths, {});
}

}  // namespace vankho::testing
