// Loads the legal corpus (../shared/corpus/phapdien.jsonl.gz) for benchmarks through the real
// ingest path. The corpus is not part of the project: callers say so and stop when it is absent.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest.h"

namespace vankho::bench {

// The corpus path: argv-style override, else $VANKHO_CORPUS, else ../shared beside the source tree.
[[nodiscard]] std::string corpus_path(int argc, char** argv);

// The corpus is one record per article of an act. Only the first article's `source_note` names the
// act: "(Điều 1 Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020 ...)"; later ones read
// "(Điều 2 Luật số 57/2020/QH14, có hiệu lực ...)". The indexer's --parent-title-pattern for it.
inline constexpr const char* kActTitlePattern = "số {parent} (.+?) ngày \\d";

struct CorpusOptions {
  // JSONL mappings beyond number/date/type, e.g. {"subject", "demuc"} (the topic heading).
  std::map<std::string, std::string> extra_fields;
  // Each article carries its act: `parent` (the act's number) and `parent_title`, read from the
  // first article's source note with kActTitlePattern, as the README's indexing command does.
  bool act_titles = false;
};

// What the documents were read with, one line per option ("" for the defaults): recorded beside an
// index so that an index read otherwise is rebuilt, not reused.
[[nodiscard]] std::string describe(const CorpusOptions& options);

// Reads every record (title, text, number/date/type and the extra fields), or nullopt with a
// message on stderr when the file is missing.
[[nodiscard]] std::optional<std::vector<ingest::SourceDocument>> load_corpus(const std::string& path,
                                                                          const CorpusOptions& options = {});

}  // namespace vankho::bench
