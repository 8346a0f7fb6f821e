// The metadata file an archive keeps beside a document: `quyet-dinh.pdf.meta.json` for
// `quyet-dinh.pdf` (the whole file name, so that `a.pdf` and `a.docx` each have their own), a JSON
// object with any of `level` (an access level in any spelling) and `title`, `number`, `date`,
// `type` (read like the JSON-lines fields of the same names). It is never a document itself.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest.h"
#include "vocabulary.h"

namespace vankho::ingest {

inline constexpr std::string_view kSidecarSuffix = ".meta.json";

struct Sidecar {
  std::optional<extract::AccessLevel> level;
  std::string title;                          // "" when it gives none
  std::map<std::string, std::string> fields;  // "number", "date", "type"
};

// The sidecar of the document file `document_path`, when one is there. Nullopt when there is
// none, or when it cannot be used (unreadable, bad JSON, not an object, an unknown level, a value
// that is not text): `problems` then gets a warning naming the sidecar. Names it does not know are
// a warning too, and the rest of it is used.
[[nodiscard]] std::optional<Sidecar> read_sidecar(const std::string& document_path, std::vector<Problem>& problems);

// `name` (a file name or a path) is a sidecar's: it ends in .meta.json (in lower case, as it is
// looked for).
[[nodiscard]] bool is_sidecar_name(std::string_view name);

}  // namespace vankho::ingest
