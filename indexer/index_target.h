// The databases one indexing run writes into (index_layout.h): one per access level. An ordinary
// run writes into the generation being served, and its commits are seen at once. A --rebuild of an
// index that serves something writes a new generation beside it while holding the served one's
// lock (so no other indexer writes meanwhile), and publish() switches to it in one rename() and
// removes the old one: until then readers keep the previous index, and a killed rebuild leaves it
// serving.
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "vocabulary.h"

namespace vankho::index {

using LevelDatabases = std::array<Xapian::WritableDatabase, extract::kAccessLevelCount>;

// Holds the index DIR's write lock while it lives (the lowest level's database of its served
// generation, which every writer opens first): no indexer writes meanwhile, readers go on.
// Throws IndexError when an indexer holds it, or the database cannot be opened.
[[nodiscard]] Xapian::WritableDatabase lock_index(const std::string& index_dir, uint64_t generation);

class IndexTarget {
 public:
  // Throws IndexError (index_writer.h) with what to do.
  IndexTarget(const std::string& index_dir, bool rebuild);

  [[nodiscard]] LevelDatabases& databases() { return dbs_; }
  [[nodiscard]] Xapian::WritableDatabase& database(extract::AccessLevel level) { return dbs_[level_index(level)]; }
  // Commits every level, lowest first: a document moving to a stricter level leaves the lower one
  // before it appears in the higher one, so no reader ever sees it below its level.
  void commit();
  // True when the run writes databases nobody reads yet (a rebuild beside a served index).
  [[nodiscard]] bool builds_aside() const { return aside_; }
  // After the run's last commit: serve what was built. Does nothing unless builds_aside().
  void publish();

 private:
  void create_generation(const std::string& dir);

  std::string index_dir_;
  LevelDatabases dbs_;
  bool aside_ = false;
  std::optional<Xapian::WritableDatabase> served_lock_;  // the served index's first database, locked
  uint64_t generation_ = 0;  // the one dbs_ write
  bool plain_ = false;       // the served index is a plain database from before levels
  std::string staging_dir_;  // plain_: the new layout is built here, then swapped in
};

}  // namespace vankho::index
