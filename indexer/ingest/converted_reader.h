// Documents that a format reader converts (indexer/formats/): .docx, .odt, .pdf, .doc, .rtf and
// scanned images. Each file is read in a child process with the --file-time-limit and an output
// cap, so that a reader that hangs or crashes on a hostile file costs that file, not the run; the
// text comes back page by page, is cleaned like any other, and the document keeps where its pages
// start, how it was read and the file's own properties.
#pragma once

#include "format_sniff.h"
#include "run.h"
#include "walk.h"

namespace vankho::ingest {

void read_converted_file(const InputFile& file, FileFormat format, Run& run);

}  // namespace vankho::ingest
