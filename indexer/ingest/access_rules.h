// The rules file of `vankho-indexer --access FILE`: which documents an archive places at which
// access level, by globs over their ids. One rule a line, `GLOB LEVEL`; `#` starts a comment.
//
//   # the later of two matching rules wins
//   **                      noi-bo
//   cong-bo/**              cong-khai
//   **/*.pdf                mat
//   Ban Tổ chức/hồ sơ       tối mật      (a glob may hold spaces; LEVEL in any spelling)
//
// GLOB is matched against the document's id (its path relative to the PATH given; a JSON-lines
// record's `id`): `*`, `?` and `[...]` within one folder name (fnmatch(3)), `**` as a whole folder
// name for any number of folders. A rule that matches a folder covers everything in it (`hồ sơ`
// and `hồ sơ/` cover `hồ sơ/a/b.pdf`). File names and globs compare in NFC.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest.h"
#include "vocabulary.h"

namespace vankho::ingest {

class AccessRules {
 public:
  // The rules of a file; nullopt when it cannot be read or any line is bad (each problem names
  // FILE:LINE and what was expected).
  [[nodiscard]] static std::optional<AccessRules> load(const std::string& path, std::vector<Problem>& problems);
  // The same from text; `name` stands for the file in problems.
  [[nodiscard]] static std::optional<AccessRules> parse(std::string_view text, const std::string& name,
                                                        std::vector<Problem>& problems);

  // The level of the last rule matching `id`, or nullopt when none does.
  [[nodiscard]] std::optional<extract::AccessLevel> level_of(std::string_view id) const;
  [[nodiscard]] size_t size() const { return rules_.size(); }

 private:
  struct Rule {
    std::vector<std::string> segments;  // the glob split at '/', NFC; "**" for any folders
    extract::AccessLevel level;
  };
  std::vector<Rule> rules_;
};

}  // namespace vankho::ingest
