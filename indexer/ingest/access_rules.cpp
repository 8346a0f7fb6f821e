#include "access_rules.h"

#include <fnmatch.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace vankho::ingest {
namespace {

// File names from another system may be decomposed (macOS writes NFD): compare in NFC.
std::string nfc(std::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(s);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  const icu::UnicodeString u = normalizer->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))), status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    if (!part.empty() && part != ".") out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

// Glob segments [g, end) match path segments [p, end).
bool match(const std::vector<std::string>& glob, size_t g, const std::vector<std::string>& path, size_t p) {
  if (g == glob.size()) return p == path.size();
  if (glob[g] == "**") {
    for (size_t k = p; k <= path.size(); ++k) {
      if (match(glob, g + 1, path, k)) return true;
    }
    return false;
  }
  return p < path.size() && fnmatch(glob[g].c_str(), path[p].c_str(), 0) == 0 &&
         match(glob, g + 1, path, p + 1);
}

}  // namespace

std::optional<AccessRules> AccessRules::load(const std::string& path, std::vector<Problem>& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back({path, 0, "cannot read the access rules file"});
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path, problems);
}

std::optional<AccessRules> AccessRules::parse(std::string_view text, const std::string& name,
                                              std::vector<Problem>& problems) {
  AccessRules out;
  const size_t problems_before = problems.size();
  size_t number = 0;
  for (size_t start = 0; start < text.size(); ++number) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    auto bad = [&](std::string reason) { problems.push_back({name, number + 1, std::move(reason)}); };
    // The level is the longest tail of the line that names one, so that both the glob and the
    // level may hold spaces (`Ban Tổ chức/** tối mật`).
    std::optional<extract::AccessLevel> level;
    std::string_view glob;
    for (size_t i = 0; i < line.size() && !level; ++i) {
      if (!blank(line[i])) continue;
      level = extract::parse_level(trim(line.substr(i)));
      glob = trim(line.substr(0, i));
    }
    if (!level) {
      const size_t last = line.find_last_of(" \t");
      if (last == std::string_view::npos) {
        bad("expected GLOB LEVEL (e.g. `mat/** mat`), got `" + std::string(line) + "`");
      } else {
        bad("unknown level `" + std::string(trim(line.substr(last))) + "` (expected one of " +
            extract::level_choices() + ")");
      }
      continue;
    }
    if (glob.starts_with('/')) {
      bad("`" + std::string(glob) + "`: globs match paths relative to the PATH indexed; drop the leading /");
      continue;
    }
    Rule rule{split_path(nfc(glob)), *level};
    if (rule.segments.empty()) {
      bad("`" + std::string(glob) + "` names no file or folder (write ** for every document)");
      continue;
    }
    out.rules_.push_back(std::move(rule));
  }
  if (problems.size() != problems_before) return std::nullopt;
  return out;
}

std::optional<extract::AccessLevel> AccessRules::level_of(std::string_view id) const {
  if (rules_.empty()) return std::nullopt;
  const std::vector<std::string> path = split_path(nfc(id));
  for (auto rule = rules_.rbegin(); rule != rules_.rend(); ++rule) {
    // The id itself or one of the folders it is in: a rule for a folder covers its contents.
    std::vector<std::string> prefix;
    for (const std::string& segment : path) {
      prefix.push_back(segment);
      if (match(rule->segments, 0, prefix, 0)) return rule->level;
    }
  }
  return std::nullopt;
}

}  // namespace vankho::ingest
