// Backups of an index: `vankho-indexer --backup DIR` and `--restore DIR`. A backup is a complete
// index in the same layout (a stub and one database per access level), so it can be searched,
// checked or restored as it is. And compaction (`--compact`), which is a backup into the index
// folder itself, switched in.
#pragma once

#include <array>
#include <string>
#include <xapian.h>

#include "vocabulary.h"

namespace vankho::index {

struct BackupReport {
  std::array<Xapian::doccount, extract::kAccessLevelCount> documents{};  // by level
  uint64_t bytes = 0;  // on disk
  uint64_t bytes_before = 0;  // compact_index: the index's bytes before
};

// Copies the index served from `index_dir` into the new folder `backup_dir` while holding the
// index's write lock (lock_index: no indexer commits during the copy; searchd goes on reading), each
// level with Xapian's compaction (one consistent revision, smaller than the original). The copy is
// then opened and each level's document count compared with the original's. Throws IndexError.
BackupReport backup_index(const std::string& index_dir, const std::string& backup_dir);

// Checks that `backup_dir` opens as an index of this vankho's schema, then makes a copy of it the
// index served from `index_dir` (created when missing), as a new generation switched in at once:
// searchd follows without a restart. Throws IndexError.
BackupReport restore_index(const std::string& index_dir, const std::string& backup_dir);

// Writes the index served from `index_dir` afresh with Xapian's compaction, fully packed, as its
// next generation, checks it and switches to it (index_layout.h: one rename() of the stub, so
// searchd follows without a restart and never sees a partial index), then removes the old one.
// Incremental runs leave blocks part-filled and posting lists in many chunks; a compacted index
// is smaller and reads fewer blocks per search. Holds the write lock meanwhile. Throws IndexError.
BackupReport compact_index(const std::string& index_dir);

}  // namespace vankho::index
