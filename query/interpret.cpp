#include "interpret.h"

#include "extract.h"
#include "time_expr.h"

namespace vankho::query {
namespace {

bool is_number(const text::Token& t) {
  return !t.is_code && !t.folded.empty() &&
         t.folded.find_first_not_of("0123456789") == std::string::npos && t.folded.size() <= 5;
}

// Type words ending just before token `end` (`nghị quyết`, `chương trình hành động`), optionally
// followed by `số`: returns the first token of the words and the type's code letters key.
std::optional<std::pair<size_t, std::string>> type_words_before(const std::vector<text::Token>& t,
                                                                size_t end) {
  size_t stop = end;
  if (stop > 0 && t[stop - 1].folded == "so") --stop;
  for (size_t len = 4; len >= 1; --len) {
    if (stop < len) continue;
    std::string words;
    for (size_t k = stop - len; k < stop; ++k) words.append(words.empty() ? "" : " ").append(t[k].folded);
    if (len >= 2) {
      if (const auto* type = extract::doc_type_by_words(words); type && !type->code_letters.empty()) {
        return std::make_pair(stop - len, std::string(type->code_letters));
      }
    } else if (const auto* type = extract::doc_type_by_code_letters(text::code_part_key(words))) {
      return std::make_pair(stop - len, std::string(type->code_letters));
    }
  }
  if (stop != end) return std::make_pair(stop, std::string());  // a lone `số` before a number
  return std::nullopt;
}

struct Span {
  size_t first, last;
};

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
      if (is_number(t[i]) && i > 0) {
        if (auto words = type_words_before(t, i); words && !words->second.empty()) {
          size_t first = words->first;
          if (!taken.empty() && first < taken.back().last) continue;
          const auto found = resolve(t[i].folded, words->second);
          const std::string said = whole.text.substr(t[first].start, t[i].end - t[first].start);
          if (found.empty()) {
            out.warnings.push_back("'" + said + "' names no document code in the archive; searched as words");
            continue;
          }
          CodeQuery cq;
          cq.text = said;
          for (const auto& [canonical, key] : found) {
            cq.codes.push_back(canonical);
            cq.keys.push_back(key);
          }
          out.codes.push_back(std::move(cq));
          taken.push_back({first, i + 1});
          continue;
        }
      }
      if (auto period = match_period_at(t, whole.text, i)) {
        if (!taken.empty() && period->first < taken.back().last) continue;
        const std::string said =
            whole.text.substr(t[period->first].start, t[period->last - 1].end - t[period->first].start);
        if (out.period) {
          out.warnings.push_back("only one period is used; '" + said + "' was searched as words");
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
