// Reads meaning out of parsed query text: document codes in any spelling (`13/NQ-TW`,
// `NQ 13`, `nghị quyết số 13`), periods (time_expr.h) and abbreviations (`HĐND`, abbreviations.h). What is understood is taken out of the
// words and reported, so that a person can see it and undo it (SearchRequest::interpret = false).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "abbreviations.h"
#include "doc_code.h"
#include "searcher.h"
#include "syntax.h"
#include "tokenize.h"

namespace vankho::query {

// Analyzed words of one unit (or of a piece of it left after interpretation).
struct WordGroup {
  std::string text;                 // the unit's text the tokens point into
  std::vector<text::Token> tokens;  // adjacency within a group is real adjacency
  bool phrase = false;
  bool or_with_previous = false;
};

struct CodeQuery {
  std::string text;               // as the user wrote it
  std::vector<std::string> keys;  // code keys to match (one for a full code, maybe several)
  std::vector<std::string> codes; // their canonical forms
};

// An abbreviation typed (it also matches what it stands for) or spelled out (it also matches the
// abbreviation): abbreviations.h.
struct AbbreviationUse {
  std::string text;  // as typed: "HĐND" or "hội đồng nhân dân"
  std::string also;  // the other form: "hội đồng nhân dân" or "HĐND"
  size_t group = 0, first = 0, last = 0;  // where: InterpretedQuery::groups[group].tokens[first, last)
  std::vector<std::string> also_folded;   // the other form's folded words (a phrase when several)
};

struct InterpretedQuery {
  std::vector<WordGroup> groups;
  std::vector<WordGroup> excluded;
  std::vector<CodeQuery> codes;
  std::vector<AbbreviationUse> abbreviations;
  std::optional<PeriodInterpretation> period;
  std::vector<Warning> warnings;
};

// Resolves a partial code (number + type letters key like "NQ") to the codes of the archive:
// returns canonical code → key pairs. Provided by the searcher (it enumerates index terms).
using PartialCodeResolver =
    std::function<std::vector<std::pair<std::string, std::string>>(const std::string& number,
                                                                   const std::string& type_key)>;

[[nodiscard]] InterpretedQuery interpret(const ParsedQuery& parsed, bool read_meaning,
                                         const PartialCodeResolver& resolve);

}  // namespace vankho::query
