// What a query marks in a text (snippet.h's SnippetQuery): the words of its groups as typed, the
// words its abbreviations also match, and the codes it names (as words, through `so:` filters, or
// read from `NQ 13`). Search snippets and the document view both build it here.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "interpret.h"
#include "snippet.h"
#include "syntax.h"

namespace vankho::query {

// How common an index term is: the fraction of documents that contain it.
using TermFraction = std::function<double(const std::string& term)>;

// The groups' words first, in order, then the words of abbreviations; then the codes.
[[nodiscard]] SnippetQuery highlight_query(const InterpretedQuery& iq,
                                           const std::vector<Filter>& filters);

// In an any-word query the words most documents have (in more than `common_fraction` of them)
// select nothing; marked wherever a snippet has them, they would mark every few words of it (`có`,
// `được`, `trong`). They are marked only in a run of words typed side by side that holds a rarer
// one (`được cấp giấy chứng nhận`, not `quy định` alone; SnippetWord::only_in_pairs), unless every
// word is common. `highlight` is what highlight_query() made of `groups`.
void mark_common_words_in_pairs_only(SnippetQuery& highlight, const std::vector<WordGroup>& groups,
                                     double common_fraction, const TermFraction& fraction);

}  // namespace vankho::query
