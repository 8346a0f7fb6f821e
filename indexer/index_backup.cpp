#include "index_backup.h"

#include <filesystem>
#include <optional>

#include "index_layout.h"
#include "index_metadata.h"
#include "index_target.h"
#include "index_writer.h"

namespace vankho::index {
namespace {

namespace fs = std::filesystem;

uint64_t folder_bytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// The served generation of an index folder; throws IndexError for anything but a published index.
uint64_t served_generation(const std::string& dir, const std::string& role) {
  const schema::IndexLayout layout = schema::inspect_layout(dir);
  switch (layout.kind) {
    case schema::LayoutKind::kStub:
      return layout.generation;
    case schema::LayoutKind::kMissing:
      throw IndexError(role + " " + dir + " does not exist");
    case schema::LayoutKind::kEmpty:
      throw IndexError(role + " " + dir + " holds no index");
    case schema::LayoutKind::kPlain:
      throw IndexError(role + " " + dir + " is an index from before access levels; rebuild it with "
                       "vankho-indexer --index " + dir + " --rebuild PATH...");
    case schema::LayoutKind::kForeign:
      break;
  }
  throw IndexError(role + " " + dir + " is not a vankho index (" + layout.detail + ")");
}

// Compacts each level of `from`'s generation `from_gen` into `to`'s generation `to_gen` (new
// folders) at Xapian's compaction `level`; publishes it in `to` when `publish`.
void copy_levels(const std::string& from, uint64_t from_gen, const std::string& to, uint64_t to_gen,
                 bool publish = true, unsigned level = Xapian::Compactor::STANDARD) {
  std::error_code ec;
  fs::create_directories(schema::generation_dir(to, to_gen), ec);
  if (ec) throw IndexError("cannot create " + schema::generation_dir(to, to_gen) + ": " + ec.message());
  for (extract::AccessLevel access : extract::kAccessLevels) {
    Xapian::Database source(schema::level_database(from, from_gen, access));
    source.compact(schema::level_database(to, to_gen, access), level);
  }
  if (publish) schema::publish_generation(to, to_gen);
}

// Opens each level of the index served from `dir`, checks it is of this vankho's schema and
// counts its documents.
BackupReport open_and_count(const std::string& dir, uint64_t generation) {
  BackupReport report;
  for (extract::AccessLevel level : extract::kAccessLevels) {
    const Xapian::Database db(schema::level_database(dir, generation, level));
    schema::check_compatible(db, dir);
    report.documents[extract::level_index(level)] = db.get_doccount();
  }
  report.bytes = folder_bytes(dir);
  return report;
}

template <typename F>
auto reporting_errors(const std::string& what, F&& f) {
  try {
    return f();
  } catch (const IndexError&) {
    throw;
  } catch (const schema::IndexMismatch& e) {
    throw IndexError(what + ": " + e.what());
  } catch (const Xapian::Error& e) {
    throw IndexError(what + ": " + e.get_description());
  } catch (const std::runtime_error& e) {  // publish_generation
    throw IndexError(what + ": " + e.what());
  }
}

}  // namespace

BackupReport backup_index(const std::string& index_dir, const std::string& backup_dir) {
  std::error_code ec;
  if (fs::exists(backup_dir, ec)) {
    throw IndexError("backup folder " + backup_dir + " already exists; give a new folder for each backup");
  }
  const uint64_t generation = served_generation(index_dir, "index");
  return reporting_errors("cannot back up " + index_dir + " into " + backup_dir, [&] {
    const Xapian::WritableDatabase lock = lock_index(index_dir, generation);
    const BackupReport original = open_and_count(index_dir, generation);
    try {
      copy_levels(index_dir, generation, backup_dir, 1);
    } catch (...) {
      fs::remove_all(backup_dir, ec);  // never a partial backup that looks like one
      throw;
    }
    BackupReport copy = open_and_count(backup_dir, 1);
    if (copy.documents != original.documents) {
      throw IndexError("the copy in " + backup_dir + " does not hold what the index holds; it is left for inspection");
    }
    return copy;
  });
}

BackupReport compact_index(const std::string& index_dir) {
  const uint64_t generation = served_generation(index_dir, "index");
  return reporting_errors("cannot compact " + index_dir, [&] {
    std::optional<Xapian::WritableDatabase> lock = lock_index(index_dir, generation);
    schema::remove_other_generations(index_dir, generation);  // a killed run's
    const BackupReport before = open_and_count(index_dir, generation);
    const uint64_t next = generation + 1;
    std::error_code ec;
    try {
      copy_levels(index_dir, generation, index_dir, next, false, Xapian::Compactor::FULL);
      if (open_and_count(index_dir, next).documents != before.documents) {
        throw IndexError("the compacted copy does not hold what the index holds");
      }
      schema::publish_generation(index_dir, next);
    } catch (...) {
      if (schema::inspect_layout(index_dir).generation != next) {
        fs::remove_all(schema::generation_dir(index_dir, next), ec);  // the old generation serves on
      }
      throw;
    }
    lock.reset();
    schema::remove_other_generations(index_dir, next);
    BackupReport after = open_and_count(index_dir, next);
    after.bytes_before = before.bytes;
    return after;
  });
}

BackupReport restore_index(const std::string& index_dir, const std::string& backup_dir) {
  const uint64_t backup_generation = served_generation(backup_dir, "backup");
  const BackupReport backup = reporting_errors("backup " + backup_dir + " cannot be read",
                                               [&] { return open_and_count(backup_dir, backup_generation); });
  return reporting_errors("cannot restore " + backup_dir + " into " + index_dir, [&] {
    const schema::IndexLayout layout = schema::inspect_layout(index_dir);
    std::optional<Xapian::WritableDatabase> lock;
    uint64_t generation = 1;
    if (layout.kind == schema::LayoutKind::kStub) {
      lock = lock_index(index_dir, layout.generation);
      generation = layout.generation + 1;
    } else if (layout.kind != schema::LayoutKind::kMissing && layout.kind != schema::LayoutKind::kEmpty) {
      (void)served_generation(index_dir, "index");  // throws what is wrong with it
    }
    std::error_code ec;
    fs::create_directories(index_dir, ec);
    schema::remove_other_generations(index_dir, layout.generation);  // a killed run's
    copy_levels(backup_dir, backup_generation, index_dir, generation);
    lock.reset();
    schema::remove_other_generations(index_dir, generation);
    BackupReport restored = open_and_count(index_dir, generation);
    if (restored.documents != backup.documents) {
      throw IndexError("the restored index does not hold what the backup holds");
    }
    return restored;
  });
}

}  // namespace vankho::index
