// Building what a search or a view shows of one document: its hit (metadata, snippet and the
// section the snippet lies in) or its short reference, from the stored document
// (stored_document.h).
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "searcher.h"
#include "snippet.h"
#include "stored_document.h"

namespace vankho::query {

// `snippet`: the query to mark, or null for no snippet. `text_tokens`: all of the stored text's
// tokens when analysed already (else the snippet analyses what it needs).
[[nodiscard]] Hit make_hit(const schema::StoredDocument& stored, double score,
                           const SnippetQuery* snippet,
                           const std::vector<text::Token>* text_tokens);

[[nodiscard]] DocumentRef make_ref(const Xapian::Document& doc);

// Lucene's BM25 idf of a term in `df` of `documents`: positive even in an archive of a few documents.
[[nodiscard]] double bm25_idf(double documents, double df);

// A term's document frequency. A search asks its MSet (Xapian::MSet::get_termfreq), which has the
// statistics of the query's terms: no round trip to the index, or to each remote shard.
using TermFrequency = std::function<double(const std::string&)>;

// SnippetWord::weight: each word's idf, the rarest word's 1.
void set_snippet_weights(double documents, const TermFrequency& df, SnippetQuery& sq);

// The snippet query restricted to the words that document `did` has anywhere (looked up in their
// posting lists: cheaper than scanning a long text for words it does not have).
[[nodiscard]] SnippetQuery words_in_document(const Xapian::Database& db, Xapian::docid did,
                                             const SnippetQuery& sq);

}  // namespace vankho::query
