#include "index_target.h"

#include <stdio.h>  // renameat2

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>

#include "index_layout.h"
#include "index_metadata.h"
#include "index_writer.h"

namespace vankho::index {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void throw_locked(const std::string& dir) {
  throw IndexError("index " + dir + " is being written by another vankho-indexer; wait for it to finish");
}

[[noreturn]] void throw_open_error(const std::string& dir, const Xapian::Error& e) {
  throw IndexError("cannot open index " + dir + ": " + e.get_description() +
                   "; rebuild it with: vankho-indexer --index " + dir + " --rebuild PATH...");
}

Xapian::WritableDatabase open_existing(const std::string& dir, const std::string& db_path) {
  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_OPEN);
    schema::check_compatible(db, dir);
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw_locked(dir);
  } catch (const Xapian::Error& e) {
    throw_open_error(dir, e);
  } catch (const schema::IndexMismatch& e) {
    throw IndexError(e.what());
  }
}

// Takes the served database's write lock for the rebuild's duration. One that cannot be opened at
// all (damaged, say) is what a rebuild replaces: nothing to lock then.
std::optional<Xapian::WritableDatabase> lock_served(const std::string& dir, const std::string& db_path) {
  try {
    return Xapian::WritableDatabase(db_path, Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw_locked(dir);
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

Xapian::WritableDatabase create_fresh(const std::string& dir, const std::string& db_path) {
  try {
    return Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  } catch (const Xapian::DatabaseLockError&) {
    throw_locked(dir);
  } catch (const Xapian::Error& e) {
    throw_open_error(dir, e);
  }
}

// Swaps two folders in one step (both stay valid paths throughout); where the filesystem cannot,
// two renames, with a moment in which `to` is missing (readers retry).
void exchange_folders(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0) return;
  if (errno != EINVAL && errno != ENOSYS) {
    throw IndexError("cannot switch " + to + " to the rebuilt index: " + std::strerror(errno));
  }
  const std::string old = from + ".old";
  std::error_code ec;
  fs::rename(to, old, ec);
  if (!ec) fs::rename(from, to, ec);
  if (!ec) fs::rename(old, from, ec);
  if (ec) throw IndexError("cannot switch " + to + " to the rebuilt index: " + ec.message());
}

}  // namespace

Xapian::WritableDatabase lock_index(const std::string& index_dir, uint64_t generation) {
  const std::string path = schema::level_database(index_dir, generation, extract::AccessLevel::kCongKhai);
  try {
    return Xapian::WritableDatabase(path, Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw_locked(index_dir);
  } catch (const Xapian::Error& e) {
    throw_open_error(index_dir, e);
  }
}

void IndexTarget::create_generation(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(schema::generation_dir(dir, generation_), ec);
  if (ec) throw IndexError("cannot create " + schema::generation_dir(dir, generation_) + ": " + ec.message());
  for (extract::AccessLevel level : extract::kAccessLevels) {
    dbs_[level_index(level)] = create_fresh(index_dir_, schema::level_database(dir, generation_, level));
  }
}

IndexTarget::IndexTarget(const std::string& index_dir, bool rebuild) : index_dir_(index_dir) {
  const schema::IndexLayout layout = schema::inspect_layout(index_dir);
  std::error_code ec;
  switch (layout.kind) {
    case schema::LayoutKind::kForeign:
      throw IndexError("--index " + index_dir + " is not a vankho index: " + layout.detail +
                       "; give a new or empty folder");
    case schema::LayoutKind::kMissing:
    case schema::LayoutKind::kEmpty:
      // A first build: nothing is served yet, so it is published at once, and a killed first run
      // is resumed by the next one from its last commit.
      fs::create_directories(index_dir, ec);
      if (ec) throw IndexError("cannot create index folder " + index_dir + ": " + ec.message());
      generation_ = 1;
      create_generation(index_dir);
      try {
        schema::publish_generation(index_dir, generation_);
      } catch (const std::runtime_error& e) {
        throw IndexError(e.what());
      }
      schema::remove_other_generations(index_dir, generation_);
      return;
    case schema::LayoutKind::kPlain:
      if (!rebuild) {
        throw IndexError("index " + index_dir + " was built by an older vankho (one database, no access levels); "
                         "rebuild it with: vankho-indexer --index " + index_dir + " --rebuild PATH...");
      }
      // Built as the new layout in a folder beside it, then the two folders are swapped.
      aside_ = true;
      served_lock_ = lock_served(index_dir, index_dir);
      plain_ = true;
      staging_dir_ = fs::path(index_dir).lexically_normal().string();
      if (staging_dir_.ends_with('/')) staging_dir_.pop_back();
      staging_dir_ += ".rebuilding";
      fs::remove_all(staging_dir_, ec);  // a killed rebuild's
      fs::create_directories(staging_dir_, ec);
      if (ec) throw IndexError("cannot create " + staging_dir_ + " to rebuild the index in: " + ec.message());
      generation_ = 1;
      create_generation(staging_dir_);
      return;
    case schema::LayoutKind::kStub: {
      if (!rebuild) {
        generation_ = layout.generation;
        for (extract::AccessLevel level : extract::kAccessLevels) {
          dbs_[level_index(level)] =
              open_existing(index_dir, schema::level_database(index_dir, generation_, level));
        }
        // Holding the served generation's lock, no rebuild runs: any other generation is a
        // killed rebuild's.
        schema::remove_other_generations(index_dir, generation_);
        return;
      }
      aside_ = true;
      // Every writer opens the lowest level first: its lock keeps them all out.
      served_lock_ = lock_served(
          index_dir, schema::level_database(index_dir, layout.generation, extract::AccessLevel::kCongKhai));
      schema::remove_other_generations(index_dir, layout.generation);
      generation_ = layout.generation + 1;
      create_generation(index_dir);
      return;
    }
  }
}

void IndexTarget::commit() {
  for (auto& db : dbs_) db.commit();
}

void IndexTarget::publish() {
  if (!aside_) return;
  try {
    if (plain_) {
      schema::publish_generation(staging_dir_, generation_);
      exchange_folders(staging_dir_, index_dir_);
      served_lock_.reset();
      std::error_code ec;
      fs::remove_all(staging_dir_, ec);  // the old database, now under the staging name
    } else {
      schema::publish_generation(index_dir_, generation_);
      served_lock_.reset();
      // Readers still searching the old generation keep their open files; they reopen afresh at
      // their next refresh (index_layout.h, served_identity).
      schema::remove_other_generations(index_dir_, generation_);
    }
  } catch (const std::runtime_error& e) {
    throw IndexError(std::string(e.what()) + "; the previous index is still served");
  }
  aside_ = false;
}

}  // namespace vankho::index
