// The index folder on disk. `--index DIR` holds a Xapian stub file, DIR/XAPIANDB, naming the
// generation being served (DIR/gen-N, a glass database). A rebuild writes DIR/gen-N+1 beside it and
// switches the stub with rename(), so a reader sees the old index or the new one, never a partial
// one, and a killed rebuild leaves the old one serving. A folder that is itself a glass database
// (an index built before this layout) is read as it is; its first rebuild moves it to the layout.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace vankho::schema {

inline constexpr const char* kStubFile = "XAPIANDB";

enum class LayoutKind {
  kMissing,  // no such folder
  kEmpty,    // an empty folder, or one holding only generations never published (a killed first run)
  kStub,     // DIR/XAPIANDB names DIR/gen-N
  kPlain,    // DIR is a glass database (built before generations)
  kForeign,  // something else: a folder of other files, a stub vankho did not write
};

struct IndexLayout {
  LayoutKind kind = LayoutKind::kMissing;
  uint64_t generation = 0;  // kStub: N
  std::string detail;       // kForeign: what is there, for the message
};

// What DIR holds. Never throws for an unreadable folder: that is kForeign with the reason.
[[nodiscard]] IndexLayout inspect_layout(const std::string& dir);

// DIR/gen-N.
[[nodiscard]] std::string generation_dir(const std::string& dir, uint64_t generation);

// Makes DIR/gen-N the served generation: writes the stub beside it and renames it into place,
// synced to disk first. Throws std::runtime_error with the path and the system's reason.
void publish_generation(const std::string& dir, uint64_t generation);

// Removes every DIR/gen-* but DIR/gen-`keep` (left by killed rebuilds, or served before a switch).
void remove_other_generations(const std::string& dir, uint64_t keep);

// What a reader compares to notice a switch: the stub's text ("" for a plain database or none).
// Reopening a database does not follow a changed stub; a reader seeing this change opens afresh.
[[nodiscard]] std::string served_identity(const std::string& dir);

}  // namespace vankho::schema
