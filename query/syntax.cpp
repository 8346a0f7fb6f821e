#include "syntax.h"

#include <utility>

#include "fold.h"

namespace vankho::query {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Reads a quoted string starting at q[pos] == '"'; returns the content and moves pos past the
// closing quote. An unbalanced quote takes the rest of the query and sets `unbalanced`.
std::string read_quoted(std::string_view q, size_t& pos, bool& unbalanced) {
  const size_t close = q.find('"', pos + 1);
  unbalanced = close == std::string_view::npos;
  const size_t end = unbalanced ? q.size() : close;
  std::string out(q.substr(pos + 1, end - pos - 1));
  pos = unbalanced ? q.size() : close + 1;
  return out;
}

size_t word_end(std::string_view q, size_t pos) {
  while (pos < q.size() && !is_space(q[pos])) ++pos;
  return pos;
}

}  // namespace

std::string filter_field(std::string_view key) {
  static const std::pair<std::string_view, std::string_view> kKeys[] = {
      {"loai", "type"},       {"type", "type"},         {"so", "number"},
      {"number", "number"},   {"sohieu", "number"},     {"nam", "year"},
      {"year", "year"},       {"tu", "from"},           {"from", "from"},
      {"den", "to"},          {"to", "to"},             {"coquan", "issuer"},
      {"issuer", "issuer"},   {"tinh", "province"},     {"province", "province"},
      {"chude", "theme"},     {"theme", "theme"},       {"goc", "parent"},
      {"parent", "parent"}};
  const std::string folded = text::fold(key);
  for (const auto& [k, field] : kKeys) {
    if (folded == k) return std::string(field);
  }
  return {};
}

ParsedQuery parse_query(std::string_view q) {
  ParsedQuery out;
  bool pending_or = false;
  size_t text_start = std::string_view::npos, text_end = 0;

  auto flush_text = [&] {
    if (text_start == std::string_view::npos) return;
    out.units.push_back({Unit::Kind::kText, std::string(q.substr(text_start, text_end - text_start)),
                         pending_or});
    pending_or = false;
    text_start = std::string_view::npos;
  };
  auto add_unit = [&](Unit u) {
    flush_text();
    u.or_with_previous = pending_or && !out.units.empty();
    pending_or = false;
    out.units.push_back(std::move(u));
  };

  size_t pos = 0;
  while (pos < q.size()) {
    if (is_space(q[pos])) {
      ++pos;
      continue;
    }
    const bool at_word_start = pos == 0 || is_space(q[pos - 1]);
    if (q[pos] == '"') {
      bool unbalanced = false;
      std::string phrase = read_quoted(q, pos, unbalanced);
      if (unbalanced) {
        out.warnings.push_back({"unbalanced_quote", "unbalanced quote: \"" + phrase + "\" was searched as words", {{"phrase", phrase}}});
        add_unit({Unit::Kind::kText, std::move(phrase), false});
      } else if (!phrase.empty()) {
        add_unit({Unit::Kind::kPhrase, std::move(phrase), false});
      }
      continue;
    }
    if (q[pos] == '-' && at_word_start) {
      if (pos + 1 >= q.size() || is_space(q[pos + 1]) || q[pos + 1] == '-') {
        // `13 - NQ/TW` keeps its dash; a dash that stands alone outside text is a lone operator.
        if (text_start == std::string_view::npos) {
          out.warnings.push_back({"lone_minus", "lone '-' ignored: write -word to exclude a word", {}});
          ++pos;
          continue;
        }
        text_end = ++pos;
        continue;
      }
      flush_text();
      ++pos;
      if (q[pos] == '"') {
        bool unbalanced = false;
        std::string phrase = read_quoted(q, pos, unbalanced);
        if (unbalanced) out.warnings.push_back({"unbalanced_quote_excluded", "unbalanced quote in -\"" + phrase + "\"", {{"phrase", phrase}}});
        if (!phrase.empty()) out.excluded.push_back({Unit::Kind::kPhrase, std::move(phrase), false});
      } else {
        const size_t end = word_end(q, pos);
        out.excluded.push_back({Unit::Kind::kText, std::string(q.substr(pos, end - pos)), false});
        pos = end;
      }
      continue;
    }
    const size_t end = word_end(q, pos);
    const std::string_view word = q.substr(pos, end - pos);
    if (word == "OR" || word == "HOAC" || word == "HOẶC") {
      flush_text();
      if (out.units.empty()) {
        out.warnings.push_back({"or_at_start", "'" + std::string(word) + "' at the start has nothing before it; ignored", {{"word", std::string(word)}}});
      } else {
        pending_or = true;
      }
      pos = end;
      continue;
    }
    if (const size_t colon = word.find(':'); colon != std::string_view::npos && colon > 0) {
      const std::string field = filter_field(word.substr(0, colon));
      if (!field.empty()) {
        flush_text();
        std::string value(word.substr(colon + 1));
        size_t next = end;
        if (value.empty() && end < q.size()) {
          // `loai: "chương trình"` or `loai:"chương trình"`
          size_t v = end;
          while (v < q.size() && is_space(q[v])) ++v;
          if (v < q.size() && q[v] == '"') {
            bool unbalanced = false;
            value = read_quoted(q, v, unbalanced);
            next = v;
          }
        } else if (value.starts_with('"')) {
          size_t v = pos + colon + 1;
          bool unbalanced = false;
          value = read_quoted(q, v, unbalanced);
          next = v;
        }
        if (value.empty()) {
          out.warnings.push_back({"filter_without_value", "filter '" + std::string(word) + "' has no value; ignored", {{"filter", std::string(word)}}});
        } else {
          out.filters.push_back({field, value, std::string(q.substr(pos, next - pos))});
        }
        pos = next;
        continue;
      }
    }
    if (text_start == std::string_view::npos) {
      text_start = pos;
    }
    text_end = end;
    pos = end;
  }
  flush_text();
  if (pending_or) out.warnings.push_back({"or_at_end", "'OR' at the end has nothing after it; ignored", {}});
  return out;
}

}  // namespace vankho::query
