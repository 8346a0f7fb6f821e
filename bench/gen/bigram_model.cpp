#include "bigram_model.h"

#include <algorithm>
#include <charconv>

#include "viet_text.h"

namespace vankho::gen {
namespace {

constexpr size_t kMinTokens = 5, kMaxTokens = 45;
constexpr uint32_t kBoundary = 0;  // id 0: sentence start and end

std::string_view next_line(std::string_view& text) {
  const size_t nl = text.find('\n');
  const std::string_view line = text.substr(0, nl);
  text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  return line;
}

// Reads an unsigned number at the start of `s` and moves past it.
bool read_number(std::string_view& s, uint64_t& value) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end == s.data()) return false;
  s.remove_prefix(static_cast<size_t>(end - s.data()));
  return true;
}

bool skip(std::string_view& s, char c) {
  if (s.empty() || s[0] != c) return false;
  s.remove_prefix(1);
  return true;
}

}  // namespace

std::optional<BigramModel> BigramModel::parse(std::string_view text, std::string& error) {
  std::string_view head = next_line(text);
  constexpr std::string_view kMagic = "vankho-gen-model 1 ";
  uint64_t size = 0;
  if (!head.starts_with(kMagic) || (head.remove_prefix(kMagic.size()), !read_number(head, size)) ||
      size < 2) {
    error = "line 1: expected `vankho-gen-model 1 TOKENS`";
    return std::nullopt;
  }
  BigramModel m;
  m.words_.reserve(size);
  m.row_.reserve(size + 1);
  for (uint64_t id = 0; id < size; ++id) {
    const std::string where = "line " + std::to_string(id + 2) + ": ";
    if (text.empty()) {
      error = where + "the file ends before token " + std::to_string(id) + " of " +
              std::to_string(size);
      return std::nullopt;
    }
    std::string_view line = next_line(text);
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      error = where + "expected WORD<TAB>D:C D:C ...";
      return std::nullopt;
    }
    m.words_.emplace_back(line.substr(0, tab));
    line.remove_prefix(tab + 1);
    m.row_.push_back(static_cast<uint32_t>(m.next_.size()));
    uint64_t successor = 0, total = 0;
    while (!line.empty()) {
      uint64_t delta = 0, count = 0;
      if (!read_number(line, delta) || !skip(line, ':') || !read_number(line, count) ||
          count == 0 || (!line.empty() && !skip(line, ' '))) {
        error = where + "expected successors as D:C pairs separated by spaces";
        return std::nullopt;
      }
      successor += delta;
      if (successor >= size) {
        error = where + "successor id " + std::to_string(successor) + " is not below " +
                std::to_string(size);
        return std::nullopt;
      }
      total += count;
      m.next_.push_back(static_cast<uint32_t>(successor));
      m.cumulative_.push_back(total);
    }
    if (total == 0) {
      error = where + "no successors";
      return std::nullopt;
    }
  }
  m.row_.push_back(static_cast<uint32_t>(m.next_.size()));
  return m;
}

uint32_t BigramModel::follow(Rng& rng, uint32_t id) const {
  const auto first = cumulative_.begin() + row_[id], last = cumulative_.begin() + row_[id + 1];
  const uint64_t r = rng.below(*(last - 1));
  return next_[static_cast<size_t>(std::upper_bound(first, last, r) - cumulative_.begin())];
}

void BigramModel::sentence(Rng& rng, std::string& out) const {
  std::vector<uint32_t> ids;
  for (;;) {  // drawn again when too short
    ids.clear();
    for (uint32_t id = follow(rng, kBoundary); id != kBoundary && ids.size() < kMaxTokens;
         id = follow(rng, id)) {
      ids.push_back(id);
    }
    while (!ids.empty() && words_[ids.back()] == ",") ids.pop_back();
    if (ids.size() >= kMinTokens) break;
  }
  const size_t start = out.size();
  for (size_t k = 0; k < ids.size(); ++k) {
    const std::string& w = words_[ids[k]];
    if (w == ",") {
      out += ',';
      continue;
    }
    if (k > 0) out += ' ';
    if (w == "#") {
      out += std::to_string(1 + rng.below(rng.percent(80) ? 20 : 200));
    } else {
      out += w;
    }
  }
  out += '.';
  capitalize(out, start);
}

}  // namespace vankho::gen
