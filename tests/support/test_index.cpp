#include "test_index.h"

#include <stdexcept>

#include "access_rules.h"

namespace vankho::testing {

std::string seeds_dir() { return std::string(VANKHO_SOURCE_DIR) + "/seeds"; }

index::RunStats build_index(const std::string& index_dir, const std::vector<std::string>& paths) {
  index::WriterOptions options;
  options.index_dir = index_dir;
  index::IndexWriter writer(options);
  return index::index_paths(writer, paths, {});
}

index::RunStats build_index_with_access(const std::string& index_dir, const std::vector<std::string>& paths,
                                        const std::string& rules_file) {
  std::vector<ingest::Problem> problems;
  const auto rules = ingest::AccessRules::load(rules_file, problems);
  if (!rules) throw std::runtime_error("bad rules file " + rules_file);
  ingest::IngestOptions ingest;
  ingest.access_rules = &*rules;
  index::WriterOptions options;
  options.index_dir = index_dir;
  index::IndexWriter writer(options);
  return index::index_paths(writer, paths, ingest);
}

}  // namespace vankho::testing
