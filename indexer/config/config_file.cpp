#include "config_file.h"

#include <array>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace po = boost::program_options;

namespace vankho::config {
namespace {

constexpr std::array<std::string_view, 3> kSections = {"indexer", "searchd", "query"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

[[noreturn]] void fail(const std::string& path, size_t line, const std::string& reason) {
  throw ConfigError(path + ":" + std::to_string(line) + ": " + reason);
}

}  // namespace

ConfigFile parse_config_text(std::string_view text, const std::string& path) {
  ConfigFile file{path, {}};
  std::string section;
  size_t number = 0;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    const std::string_view raw = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    ++number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']') fail(path, number, "expected [section], got '" + std::string(line) + "'");
      const std::string_view name = trim(line.substr(1, line.size() - 2));
      bool known = false;
      for (const auto s : kSections) known = known || s == name;
      if (!known) fail(path, number, "unknown section [" + std::string(name) + "]: expected [indexer], [searchd] or [query]");
      section = name;
      continue;
    }
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) fail(path, number, "expected name = value, got '" + std::string(line) + "'");
    const std::string_view name = trim(line.substr(0, eq));
    if (name.empty()) fail(path, number, "a setting without a name");
    file.lines.push_back({number, section, std::string(name), std::string(trim(line.substr(eq + 1)))});
  }
  return file;
}

std::string config_path_from_environment() {
  const char* path = std::getenv("VANKHO_CONFIG");
  return path ? path : "";
}

ConfigFile read_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot read the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(path + ": cannot read the configuration file");
  return parse_config_text(text.str(), path);
}

void store_config(const ConfigFile& file, std::string_view tool, const po::options_description& options,
                  po::variables_map& vm) {
  std::map<std::string, size_t> first_line;  // of each single-valued setting
  for (const ConfigLine& l : file.lines) {
    if (!l.section.empty() && l.section != tool) continue;
    const std::string where = l.section.empty() ? "" : " in [" + l.section + "]";
    const po::option_description* option = options.find_nothrow(l.name, false);
    if (!option) {
      fail(file.path, l.line,
           "vankho-" + std::string(tool) + " has no setting '" + l.name + "'" + where +
               (l.section.empty() ? " (lines before any section are every tool's: put it under [" +
                                        std::string(tool) + "] or the section of the tool it is for)"
                                  : ""));
    }
    if (!option->semantic()->is_composing()) {
      const auto [it, fresh] = first_line.emplace(l.name, l.line);
      if (!fresh) fail(file.path, l.line, "'" + l.name + "' is already set at line " + std::to_string(it->second));
    }
    // One line at a time through Boost's own config-file parser, so that values read as the flags'
    // do (a switch takes true or false) and an error can name its line.
    std::istringstream one(l.name + "=" + l.value + "\n");
    try {
      po::store(po::parse_config_file(one, options), vm);
    } catch (const po::error& e) {
      fail(file.path, l.line, e.what());
    }
  }
}

}  // namespace vankho::config
