#include "themes.h"

namespace vankho::gen {
namespace {

// An acronym (`PAR Index`, `GRDP`) makes an odd subject line: such phrases are left out.
bool has_acronym(std::string_view phrase) {
  size_t caps = 0;
  for (char c : phrase) {
    caps = c >= 'A' && c <= 'Z' ? caps + 1 : 0;
    if (caps >= 2) return true;
  }
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::vector<GenTheme>> parse_themes(std::string_view tsv, std::string& error) {
  std::vector<GenTheme> themes;
  size_t number = 0;
  while (!tsv.empty()) {
    const size_t nl = tsv.find('\n');
    const std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    ++number;
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const size_t t1 = line.find('\t'),
                 t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      error = "line " + std::to_string(number) + ": expected id<TAB>label<TAB>phrases";
      return std::nullopt;
    }
    const std::string id(trim(line.substr(0, t1)));
    GenTheme* theme = nullptr;
    for (auto& t : themes) {
      if (t.id == id) theme = &t;
    }
    if (!theme)
      theme = &themes.emplace_back(
          GenTheme{id, std::string(trim(line.substr(t1 + 1, t2 - t1 - 1))), {}});
    std::string_view rest = line.substr(t2 + 1);
    while (!rest.empty()) {
      const size_t bar = rest.find('|');
      const std::string_view phrase = trim(rest.substr(0, bar));
      rest.remove_prefix(bar == std::string_view::npos ? rest.size() : bar + 1);
      if (phrase.find(' ') != std::string_view::npos && !has_acronym(phrase))
        theme->phrases.emplace_back(phrase);
    }
  }
  std::erase_if(themes, [](const GenTheme& t) { return t.phrases.empty(); });
  if (themes.empty()) {
    error = "no theme has a phrase of two words or more";
    return std::nullopt;
  }
  return themes;
}

}  // namespace vankho::gen
