#include "interpret.h"

#include "extract.h"
#include "time_expr.h"

namespace vankho::query {
namespace {

bool is_number(const text::Token& t) {
  return !t.is_code && !t.folded.empty() &&
         t.folded.find_first_not_of("0123456789") == std::string::npos && t.folded.size() <= 5;
}

// Type words ending just before token `end` (`nghị quyết`, `NĐ`, `luật`), optionally followed by
// `số`: the first token of the words and the type: one with code letters, or a state type without
// (a law: 57/2020/QH14). `type` is null for a lone `số` before a number.
struct TypeWords {
  size_t first = 0;
  const extract::DocType* type = nullptr;
};

std::optional<TypeWords> type_words_before(const std::vector<text::Token>& t, size_t end) {
  size_t stop = end;
  if (stop > 0 && t[stop - 1].folded == "so") --stop;
  for (size_t len = 4; len >= 1; --len) {
    if (stop < len) continue;
    std::string words;
    for (size_t k = stop - len; k < stop; ++k) words.append(words.empty() ? "" : " ").append(t[k].folded);
    const extract::DocType* type = len >= 2 || words == "luat" ? extract::doc_type_by_words(words)
                                                               : extract::doc_type_by_code_letters(text::code_part_key(words));
    if (type && (!type->code_letters.empty() || type->state)) return TypeWords{stop - len, type};
  }
  if (stop != end) return TypeWords{stop, nullptr};  // a lone `số` before a number
  return std::nullopt;
}

struct Span {
  size_t first, last;
};

// A year written after a document's number: `91/2015`, `91 2015`, `91 năm 2015`. Returns the
// year and the token after it.
std::optional<std::pair<int, size_t>> year_after(const std::vector<text::Token>& t, std::string_view text,
                                                 size_t number) {
  size_t at = number + 1;
  if (at < t.size() && t[at].folded == "nam") ++at;
  if (at >= t.size() || t[at].is_code || t[at].folded.size() != 4 ||
      t[at].folded.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const std::string_view gap = text.substr(t[number].end, t[number + 1].start - t[number].end);
  if (gap.find_first_not_of(" /") != std::string_view::npos) return std::nullopt;  // `91-2015`, `91.2015`
  const int year = std::stoi(t[at].folded);
  if (year < 1945 || year > 2100) return std::nullopt;
  return std::make_pair(year, at + 1);
}

// The code letters key of a document type typed as letters (`nd`, `NĐ`, `qđ`), "" when none.
std::string type_letters_at(const std::vector<text::Token>& t, size_t i) {
  if (i >= t.size() || t[i].is_code) return {};
  const std::string key = text::code_part_key(t[i].folded);
  const auto* type = extract::doc_type_by_code_letters(key);
  return type && !type->code_letters.empty() ? std::string(type->code_letters) : std::string();
}

// The year of a state code key (`91/2015/ND-CP` → 2015), 0 for one without (a Party code).
int year_of_key(std::string_view key) {
  const size_t slash = key.find('/');
  if (slash == std::string_view::npos || key.size() < slash + 6 || key[slash + 5] != '/') return 0;
  const std::string_view year = key.substr(slash + 1, 4);
  return year.find_first_not_of("0123456789") == std::string_view::npos ? std::stoi(std::string(year)) : 0;
}

// A token that may be the issuer of a code without type letters (`qh14`, `ubtvqh12`), worth looking
// up: unmarked, at most 8 characters, and a digit or no vowel but y (every Vietnamese word has one).
bool may_be_issuer(const text::Token& t) {
  if (t.is_code || t.norm != t.folded || t.folded.empty() || t.folded.size() > 8) return false;
  return t.folded.find_first_of("0123456789") != std::string::npos ||
         t.folded.find_first_of("aeiou") == std::string::npos;
}

using Codes = std::vector<std::pair<std::string, std::string>>;  // canonical code, key

template <typename Keep>
Codes codes_where(const Codes& codes, Keep keep) {
  Codes out;
  for (const auto& c : codes) {
    if (keep(c.second)) out.push_back(c);
  }
  return out;
}

// What a number typed as a document's number names: the type before it (`nghị định 91`, `NĐ 91`,
// `luật 57`) or after it and its year (`91 2015 nđ cp`, `57 2020 qh14`), its year (`nghị định
// 91/2015`, `... 91 năm 2015`) and its issuer (`cp`). The year and the issuer narrow the archive's
// codes when some of them have that year (issuer); else they are left to be read as words or a
// period.
struct NumberReading {
  size_t first = 0, last = 0;  // the tokens read
  Codes found;
};

std::optional<NumberReading> read_number(const std::vector<text::Token>& t, std::string_view text, size_t i,
                                         const PartialCodeResolver& resolve, bool& named_nothing) {
  named_nothing = false;
  NumberReading r{i, i + 1, {}};
  std::string type_key;
  const TypeWords words = i > 0 ? type_words_before(t, i).value_or(TypeWords{}) : TypeWords{};
  const bool lettersless = words.type && words.type->code_letters.empty();  // `luật 57`
  if (words.type && !lettersless) {
    r.first = words.first;
    type_key = words.type->code_letters;
  }
  const auto year = year_after(t, text, i);
  if (type_key.empty() && year) {
    // A code without type letters, N/YYYY/ISSUER (a law, 57/2020/QH14): `luật [số] 57/2020`, or
    // its parts in order, `57 2020 qh14`.
    std::string of_year(1, '/');  // (built by appending: GCC 12 warns wrongly on `"/" + ... + "/"`)
    of_year.append(std::to_string(year->first)).push_back('/');
    if (lettersless) {
      r.found = codes_where(resolve(t[i].folded, ""), [&](const std::string& key) {
        const size_t at = key.find(of_year);
        return at != std::string::npos && key.find('-', at) == std::string::npos;
      });
      if (r.found.empty()) return std::nullopt;
      r.first = words.first;
      r.last = year->second;
      return r;
    }
    type_key = type_letters_at(t, year->second);  // `91 2015 nd cp`
    if (type_key.empty()) {
      if (year->second >= t.size() || !may_be_issuer(t[year->second])) return std::nullopt;
      const std::string issuer = of_year + text::code_part_key(t[year->second].folded);
      r.found = codes_where(resolve(t[i].folded, ""), [&](const std::string& key) { return key.ends_with(issuer); });
      if (r.found.empty()) return std::nullopt;
      r.last = year->second + 1;
      return r;
    }
  }
  if (type_key.empty()) return std::nullopt;
  const bool type_after = r.first == i;  // typed as `91 2015 nd ...`
  r.found = resolve(t[i].folded, type_key);
  if (r.found.empty()) {
    if (type_after) return std::nullopt;  // naming nothing: words, as typed
    named_nothing = true;
    return r;
  }
  if (!year) return r;
  Codes of_year = codes_where(r.found, [&](const std::string& key) { return year_of_key(key) == year->first; });
  if (of_year.empty()) {
    if (type_after) return std::nullopt;  // no code of that year: words after all
    return r;
  }
  r.found = std::move(of_year);
  r.last = year->second + (type_after ? 1 : 0);
  // an issuer after it (`cp`, `bct`, `tandtc`): narrows too, when some code has it
  if (r.last < t.size() && !t[r.last].is_code && t[r.last].folded.size() <= 8) {
    const std::string issuer = std::string(1, '-').append(text::code_part_key(t[r.last].folded));
    Codes of_issuer = codes_where(r.found, [&](const std::string& key) { return key.ends_with(issuer); });
    if (!of_issuer.empty()) {
      r.found = std::move(of_issuer);
      ++r.last;
    }
  }
  return r;
}

// Abbreviations typed (`HĐND`) or spelled out (`hội đồng nhân dân`) in the words (abbreviations.h).
std::vector<AbbreviationUse> abbreviations_in(const std::vector<WordGroup>& groups) {
  std::vector<AbbreviationUse> out;
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const WordGroup& g = groups[gi];
    if (g.phrase) continue;
    for (size_t i = 0; i < g.tokens.size(); ++i) {
      const std::string typed(g.tokens[i].text(g.text));
      if (const Abbreviation* spelled = abbreviation_spelled_at(g.tokens, i)) {
        const size_t last = i + spelled->means_tokens.size();
        const size_t start = g.tokens[i].start;
        out.push_back({g.text.substr(start, g.tokens[last - 1].end - start), std::string(spelled->written), gi, i,
                       last, {spelled->written_folded}});
        i = last - 1;
      } else if (const Abbreviation* typed_one = abbreviation_of(typed, g.tokens[i])) {
        AbbreviationUse use{typed, std::string(typed_one->means), gi, i, i + 1, {}};
        for (const auto& t : typed_one->means_tokens) use.also_folded.push_back(t.folded);
        out.push_back(std::move(use));
      }
    }
  }
  return out;
}

}  // namespace

InterpretedQuery interpret(const ParsedQuery& parsed, bool read_meaning,
                           const PartialCodeResolver& resolve) {
  InterpretedQuery out;
  out.warnings = parsed.warnings;
  for (const Unit& unit : parsed.excluded) {
    WordGroup g{unit.raw, {}, unit.kind == Unit::Kind::kPhrase, false};
    text::tokenize(g.text, g.tokens);
    if (!g.tokens.empty()) out.excluded.push_back(std::move(g));
  }
  for (const Unit& unit : parsed.units) {
    WordGroup whole{unit.raw, {}, unit.kind == Unit::Kind::kPhrase, unit.or_with_previous};
    text::tokenize(whole.text, whole.tokens);
    if (whole.tokens.empty()) continue;
    if (whole.phrase || !read_meaning) {
      out.groups.push_back(std::move(whole));
      continue;
    }
    // Find the spans understood as codes or periods.
    std::vector<Span> taken;
    const auto& t = whole.tokens;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i].is_code) {
        auto code = text::parse_code(t[i].text(whole.text));
        size_t first = i;
        if (auto words = type_words_before(t, i)) first = words->first;
        if (!taken.empty() && first < taken.back().last) first = taken.back().last;
        CodeQuery cq;
        cq.text = whole.text.substr(t[first].start, t[i].end - t[first].start);
        cq.keys.push_back(t[i].folded);
        cq.codes.push_back(code ? code->canonical : t[i].norm);
        out.codes.push_back(std::move(cq));
        taken.push_back({first, i + 1});
        continue;
      }
      if (is_number(t[i])) {
        bool named_nothing = false;
        if (auto number = read_number(t, whole.text, i, resolve, named_nothing)) {
          if (!taken.empty() && number->first < taken.back().last) continue;
          const std::string said =
              whole.text.substr(t[number->first].start, t[number->last - 1].end - t[number->first].start);
          if (named_nothing) {
            out.warnings.push_back({"unknown_code", "'" + said + "' names no document code in the archive; searched as words", {{"code", said}}});
            continue;
          }
          CodeQuery cq;
          cq.text = said;
          for (const auto& [canonical, key] : number->found) {
            cq.codes.push_back(canonical);
            cq.keys.push_back(key);
          }
          out.codes.push_back(std::move(cq));
          taken.push_back({number->first, number->last});
          i = number->last - 1;
          continue;
        }
      }
      if (auto period = match_period_at(t, whole.text, i)) {
        if (!taken.empty() && period->first < taken.back().last) continue;
        const std::string said =
            whole.text.substr(t[period->first].start, t[period->last - 1].end - t[period->first].start);
        if (out.period) {
          out.warnings.push_back({"second_period", "only one period is used; '" + said + "' was searched as words", {{"period", said}}});
          continue;
        }
        out.period = PeriodInterpretation{said, period->from, period->to};
        taken.push_back({period->first, period->last});
        i = period->last - 1;
      }
    }
    // The words left, split where something was taken out (no false adjacency across it).
    size_t next = 0;
    bool first_piece = true;
    auto emit = [&](size_t a, size_t b) {
      if (a >= b) return;
      WordGroup g{whole.text, {t.begin() + a, t.begin() + b}, false,
                  first_piece && unit.or_with_previous};
      first_piece = false;
      out.groups.push_back(std::move(g));
    };
    for (const Span& s : taken) {
      emit(next, s.first);
      next = s.last;
    }
    emit(next, t.size());
  }
  if (read_meaning) out.abbreviations = abbreviations_in(out.groups);
  return out;
}

}  // namespace vankho::query
