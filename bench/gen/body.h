// The body of a generated document, between its title and its closing: the opening that cites
// earlier documents, then numbered sections (`I.`/`I-`, `1.`, `a)`, `-`; `Chương I` and `Điều 1.`
// for decisions and regulations) whose paragraphs mix directive phrasing about the document's
// themes with sentences of the corpus's bigram chain, until the planned length is reached.
#pragma once

#include <string>

#include "bigram_model.h"
#include "plan.h"
#include "rng.h"

namespace vankho::gen {

// Appends the body to `out`; `sample` receives one sentence of running text (for query mixes).
void write_body(const Plan& plan, Rng& rng, const BigramModel& model,
                const std::vector<GenTheme>& themes, std::string& out, std::string& sample);

}  // namespace vankho::gen
