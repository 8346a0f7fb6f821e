// The walk over what the user named: a file, or a folder read recursively in sorted order,
// skipping hidden entries and unsupported extensions silently, skipping (with a reason) special
// files and symbolic links that lead outside the PATHs of the run, and never looping on links.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest.h"

namespace vankho::ingest {

struct InputFile {
  std::string path;  // as the user would write it: the PATH given, then the relative part
  std::string id;    // relative to the PATH given, forward slashes; the file name for a file PATH
  uint64_t size = 0;
};

struct WalkResult {
  std::vector<InputFile> files;
  std::vector<Problem> problems;  // a missing PATH, an unreadable folder, a link loop, ...
};

// Where a folder's symbolic links may lead. A link whose resolved target lies outside every one
// of `roots` is skipped (it could expose /etc/passwd as a document) unless `links_out` is
// kFollow, when it is followed with a warning (kLinkFollowedOutReason).
struct WalkOptions {
  enum class LinksOut { kSkip, kFollow };
  std::vector<std::string> roots;  // the run's PATHs, resolved (walk_roots); empty: the walked PATH
  LinksOut links_out = LinksOut::kSkip;
};

// The start of the warning given for each link followed out of the PATHs (the rest names it).
inline constexpr std::string_view kLinkFollowedOutReason = "followed a symbolic link to ";

// The options for a run over `paths`: each PATH resolved (a PATH that is a link is what the user
// named, so its target counts as inside); PATHs that cannot be resolved are left out.
[[nodiscard]] WalkOptions walk_options(const std::vector<std::string>& paths,
                                       const IngestOptions& options);

[[nodiscard]] WalkResult walk(const std::string& root, const WalkOptions& options = {});

// `path` ends with `suffix` (lower case, e.g. ".jsonl.gz"), ignoring ASCII case.
[[nodiscard]] bool ends_with_nocase(std::string_view path, std::string_view suffix);

}  // namespace vankho::ingest
