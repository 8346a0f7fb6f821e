// The index folder on disk. `--index DIR` holds a Xapian stub file, DIR/XAPIANDB, naming the
// generation being served: DIR/gen-N, a folder with one glass database per access level
// (gen-N/cong-khai, gen-N/noi-bo, gen-N/mat, gen-N/toi-mat, gen-N/tuyet-mat), listed in the stub in
// that order. Opening DIR with Xapian opens every level (xapian-delve, xapian-compact, backups);
// a reader cleared for a level opens only the sub-databases up to it, so no statistic of a level
// above reaches it. A rebuild writes DIR/gen-N+1 beside the served one and switches the stub with
// rename(): a reader sees the old index or the new one, never a partial one, and a killed rebuild
// leaves the old one serving. A folder that is itself a glass database is an index from before
// levels (schema 5 or older): readers refuse it, and --rebuild replaces it. DIR/current links to the
// served generation, for tools that take one database by path (replication, xapian-tcpsrv).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vocabulary.h"

namespace vankho::schema {

inline constexpr const char* kStubFile = "XAPIANDB";
// DIR/current, a symbolic link to the served gen-N (publish_generation), so that one level's
// database has a name across rebuilds: DIR/current/cong-khai.
inline constexpr std::string_view kCurrentLink = "current";

enum class LayoutKind {
  kMissing,  // no such folder
  kEmpty,    // an empty folder, or one holding only generations never published (a killed first run)
  kStub,     // DIR/XAPIANDB names the levels of DIR/gen-N
  kPlain,    // DIR is a glass database (an index from before levels)
  kForeign,  // something else: a folder of other files, a stub vankho did not write
};

struct IndexLayout {
  LayoutKind kind = LayoutKind::kMissing;
  uint64_t generation = 0;  // kStub: N
  std::string detail;       // kForeign: what is there, for the message
};

// What DIR holds. Never throws for an unreadable folder: that is kForeign with the reason.
[[nodiscard]] IndexLayout inspect_layout(const std::string& dir);

// DIR/gen-N, and the database of one level in it.
[[nodiscard]] std::string generation_dir(const std::string& dir, uint64_t generation);
[[nodiscard]] std::string level_database(const std::string& dir, uint64_t generation, extract::AccessLevel level);

// Makes DIR/gen-N the served generation: writes the stub beside it and renames it into place,
// synced to disk first. Throws std::runtime_error with the path and the system's reason.
void publish_generation(const std::string& dir, uint64_t generation);

// Removes every DIR/gen-* but DIR/gen-`keep` (left by killed rebuilds, or served before a switch).
void remove_other_generations(const std::string& dir, uint64_t keep);

// What a reader compares to notice a switch: the stub's text ("" for a plain database or none).
// Reopening a database does not follow a changed stub; a reader seeing this change opens afresh.
[[nodiscard]] std::string served_identity(const std::string& dir);

// The databases a reader cleared for `clearance` opens, lowest level first, as named by the stub
// text `identity` (served_identity); empty when the stub is not one vankho wrote.
[[nodiscard]] std::vector<std::string> served_databases(const std::string& dir, const std::string& identity,
                                                        extract::AccessLevel clearance);

}  // namespace vankho::schema
