// Fuzz target: the JSON-lines reader (indexer/ingest/jsonl_reader.h) over one export, plain or
// gzip, with a field map (a parent and its title found by a pattern: both passes) and small
// limits. Every dirty line is a Problem, never an exception; the documents it emits are valid
// UTF-8 (their ids and text end up in searchd's JSON).
#include "fuzz_check.h"
#include "jsonl_reader.h"
#include "memory_file.h"
#include "run.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vankho::ingest;
  namespace fuzz = vankho::fuzz;
  const InputFile file{fuzz::input_file().write(fuzz::as_text(data, size)), "export.jsonl", size};
  IngestOptions options;
  options.max_file_bytes = 2000;      // a longer record is skipped
  options.max_export_bytes = 1 << 16;  // the decompressed-size cap
  options.field_map = {{"number", "source_number"}, {"subject", "demuc"}, {"parent", "source_number"},
                       {"parent_title", "source_note"}};
  options.parent_title_pattern = "số {parent} (.+?) ngày \\d";
  const DocumentSink sink = [](SourceDocument&& doc) {
    FUZZ_CHECK(!doc.id.empty(), "a document has an id");
    FUZZ_CHECK(!doc.text.empty(), "a document has text (its title when it has no text)");
    FUZZ_CHECK(fuzz::valid_utf8(doc.id) && fuzz::valid_utf8(doc.title) && fuzz::valid_utf8(doc.text),
               "id, title and text are valid UTF-8");
    for (const auto& [name, value] : doc.fields) {
      FUZZ_CHECK(fuzz::valid_utf8(value), "fields are valid UTF-8");
      FUZZ_CHECK(!value.empty(), "a field given is not empty (a parent title that none gives is no field)");
    }
  };
  const ProblemSink problems = [](const Problem& p) {
    FUZZ_CHECK(!p.reason.empty() && p.file == fuzz::input_file().path(), "a problem says where and why");
  };
  Run run(options, sink, problems);
  learn_parent_titles(file, run);
  read_jsonl_file(file, run);
  return 0;
}
