// The configuration file every tool reads (`--config FILE`; the package installs
// /etc/vankho/vankho.conf): `name = value` lines in the names of the tools' own flags, `#`
// comments, and sections. Lines before any section are every tool's (in practice `index`, the one
// setting all three share); `[indexer]`, `[searchd]` and `[query]` hold each tool's own. A flag
// given on the command line wins over the file. Any line a tool cannot use — a name it does not
// have in its section, a bad value, a setting given twice, a line that is not `name = value` — is
// refused with FILE:LINE and the reason, before anything starts.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vankho::config {

// The default path the package installs and documents.
inline constexpr std::string_view kDefaultConfigPath = "/etc/vankho/vankho.conf";

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;  // "FILE:LINE: reason"
};

struct ConfigLine {
  size_t line = 0;
  std::string section;  // "" before any section
  std::string name, value;
};

struct ConfigFile {
  std::string path;
  std::vector<ConfigLine> lines;
};

// $VANKHO_CONFIG, or "" when it is not set: the file a tool reads when no --config is given.
[[nodiscard]] std::string config_path_from_environment();

// Reads and splits FILE; throws ConfigError when it cannot be read, a line is not `name = value`,
// `[section]` or a comment, or a section is not one of the tools'.
[[nodiscard]] ConfigFile read_config_file(const std::string& path);
[[nodiscard]] ConfigFile parse_config_text(std::string_view text, const std::string& path);

// Stores into `vm` the lines of `file` meant for `tool` ("indexer", "searchd" or "query": the
// common ones and its section's), read with `options`. Call it after storing the command line, so
// that flags win (a repeatable option gets the values of both). Throws ConfigError.
void store_config(const ConfigFile& file, std::string_view tool,
                  const boost::program_options::options_description& options,
                  boost::program_options::variables_map& vm);

}  // namespace vankho::config
