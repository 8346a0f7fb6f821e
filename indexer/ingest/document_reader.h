// Whole-file documents (.txt, .md, .html, .htm): read with the size limit, checked for empty and
// binary content, decoded (invalid UTF-8 replaced and reported), markup and boilerplate removed.
#pragma once

#include "run.h"
#include "walk.h"

namespace vankho::ingest {

void read_document_file(const InputFile& file, Run& run);

}  // namespace vankho::ingest
