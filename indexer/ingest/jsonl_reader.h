// JSONL bulk exports (.jsonl, .jsonl.gz): one JSON object a line with `id`, `title`, `text` and
// optional metadata (`level`: the record's access level), names mapped by
// IngestOptions::field_map. Dirty lines are skipped one by one with file:line and the reason; the
// rest of the file is still read.
#pragma once

#include "run.h"
#include "walk.h"

namespace vankho::ingest {

void read_jsonl_file(const InputFile& file, Run& run);

}  // namespace vankho::ingest
