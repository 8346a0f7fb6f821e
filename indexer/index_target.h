// The database one indexing run writes into (index_layout.h). An ordinary run writes into the
// generation being served, and its commits are seen at once. A --rebuild of an index that serves
// something writes a new generation beside it while holding the served one's lock (so no other
// indexer writes meanwhile), and publish() switches to it in one rename() and removes the old one:
// until then readers keep the previous index, and a killed rebuild leaves it serving.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>

namespace vankho::index {

class IndexTarget {
 public:
  // Throws IndexError (index_writer.h) with what to do.
  IndexTarget(const std::string& index_dir, bool rebuild);

  [[nodiscard]] Xapian::WritableDatabase& db() { return db_; }
  // True when the run writes a database nobody reads yet (a rebuild beside a served index).
  [[nodiscard]] bool builds_aside() const { return aside_; }
  // After the run's last commit: serve what was built. Does nothing unless builds_aside().
  void publish();

 private:
  std::string index_dir_;
  Xapian::WritableDatabase db_;
  bool aside_ = false;
  std::optional<Xapian::WritableDatabase> served_lock_;  // the served generation, locked
  uint64_t generation_ = 0;  // the one db_ writes
  bool plain_ = false;       // the served index is a plain database (index_layout.h)
  std::string staging_dir_;  // plain_: the new layout is built here, then swapped in
};

}  // namespace vankho::index
