// Command-line options of vankho-indexer (Boost.Program_options), parsed into a typed struct.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "index_writer.h"
#include "ingest.h"

namespace vankho::indexer_tool {

struct ToolOptions {
  index::WriterOptions writer;
  ingest::IngestOptions ingest;
  std::vector<std::string> paths;
  std::string extract_file;  // --extract FILE: print metadata, touch no index
  std::string themes_file;   // --themes FILE: a user-edited taxonomy
  std::string access_file;   // --access FILE: rules placing documents at access levels
  std::string backup_dir;    // --backup DIR: copy the index there, then exit
  std::string restore_dir;   // --restore DIR: replace the index by that backup, then exit
  bool compact = false;      // --compact: after indexing the PATHs (if any), compact the index
  bool progress = false;     // forced progress display (default: only on a terminal)
  bool quiet = false;
};

// Parses argv; on --help prints help and returns nullopt with exit_code 0; on a usage error prints
// a message naming the option and returns nullopt with exit_code 2.
[[nodiscard]] std::optional<ToolOptions> parse_options(int argc, char** argv, int& exit_code);

// "64M", "1G", "500K", "1048576" → bytes; nullopt when malformed.
[[nodiscard]] std::optional<uint64_t> parse_size(const std::string& text);

}  // namespace vankho::indexer_tool
