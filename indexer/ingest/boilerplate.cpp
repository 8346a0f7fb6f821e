#include "boilerplate.h"

#include "file_input.h"
#include "fold.h"

namespace vankho::ingest {
namespace {

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// The comparison key: folded (no case, no marks, đ→d), every run of spaces one space, trimmed.
void make_key(std::string_view line, std::string& folded, std::string& key) {
  folded.clear();
  text::append_fold(folded, line);
  key.clear();
  bool space = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    const bool nbsp = c == '\xC2' && i + 1 < folded.size() && folded[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !key.empty()) key.push_back(' ');
    space = false;
    key.push_back(c);
  }
}

}  // namespace

std::vector<Problem> Boilerplate::add_rules(std::string_view rules, const std::string& source) {
  std::vector<Problem> problems;
  std::string folded, key;
  size_t number = 0;
  for (size_t pos = 0; pos <= rules.size();) {
    size_t end = rules.find('\n', pos);
    if (end == std::string_view::npos) end = rules.size();
    const std::string_view line = trim(rules.substr(pos, end - pos));
    pos = end + 1;
    ++number;
    if (line.empty() || line.front() == '#') continue;
    const size_t colon = line.find(':');
    const std::string_view kind =
        colon == std::string_view::npos ? "" : trim(line.substr(0, colon));
    const std::string_view value =
        colon == std::string_view::npos ? "" : trim(line.substr(colon + 1));
    auto bad = [&](std::string reason) {
      problems.push_back({source, number, std::move(reason), false});
    };
    if (kind != "line" && kind != "prefix" && kind != "contains") {
      bad("rule `" + std::string(line.substr(0, 60)) +
          "` ignored: expected `line: TEXT`, `prefix: TEXT` or `contains: TEXT`");
      continue;
    }
    make_key(value, folded, key);
    if (key.empty()) {
      bad("rule `" + std::string(kind) + ":` ignored: it has no text");
      continue;
    }
    if (kind == "line") {
      exact_.insert(key);
    } else if (kind == "prefix") {
      prefixes_.push_back(key);
    } else {
      contained_.push_back(key);
    }
  }
  return problems;
}

std::vector<Problem> Boilerplate::add_rules_file(const std::string& path) {
  const FileBytes file = read_file_bytes(path, 16u << 20);
  if (!file.error.empty()) return {{path, 0, "boilerplate rules not loaded: " + file.error, false}};
  return add_rules(file.bytes, path);
}

bool Boilerplate::matches_key(const std::string& key) const {
  if (key.empty()) return false;
  if (exact_.contains(key)) return true;
  for (const std::string& p : prefixes_) {
    if (key.starts_with(p)) return true;
  }
  for (const std::string& c : contained_) {
    if (key.find(c) != std::string::npos) return true;
  }
  return false;
}

bool Boilerplate::matches(std::string_view line) const {
  line = trim(line);
  if (line.empty() || line.size() > kMaxLineBytes) return false;
  std::string folded, key;
  make_key(line, folded, key);
  return matches_key(key);
}

std::string Boilerplate::strip(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  std::string folded, key;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    const size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    const std::string_view trimmed = trim(line);
    bool drop = false;
    if (!trimmed.empty() && trimmed.size() <= kMaxLineBytes && size() > 0) {
      make_key(trimmed, folded, key);
      drop = matches_key(key);
    }
    if (!drop) out.append(text.substr(pos, next - pos));
    pos = next;
  }
  return out;
}

Boilerplate load_boilerplate(const std::string& extra_file, std::vector<Problem>& problems) {
  Boilerplate rules;
  for (Problem& p : rules.add_rules(builtin_boilerplate_rules(), "boilerplate.txt (built in)")) {
    problems.push_back(std::move(p));
  }
  if (!extra_file.empty()) {
    for (Problem& p : rules.add_rules_file(extra_file)) problems.push_back(std::move(p));
  }
  return rules;
}

}  // namespace vankho::ingest
