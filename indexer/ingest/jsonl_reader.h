// JSONL bulk exports (.jsonl, .jsonl.gz): one JSON object a line with `id`, `title`, `text` and
// optional metadata (`level`: the record's access level), names mapped by
// IngestOptions::field_map. Dirty lines are skipped one by one with file:line and the reason; the
// rest of the file is still read.
#pragma once

#include "run.h"
#include "walk.h"

namespace vankho::ingest {

void read_jsonl_file(const InputFile& file, Run& run);

// The first of two passes when records name a parent and its title (field_map "parent" and
// "parent_title"): every record's parent title is learned (Run::parents()) before any record is
// read, so that the record carrying it may come anywhere. Problems are left to read_jsonl_file.
void learn_parent_titles(const InputFile& file, Run& run);

}  // namespace vankho::ingest
