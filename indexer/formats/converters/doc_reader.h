// Word 97-2003 .doc to text through external converters run as child processes with the file's
// time limit and text cap: antiword first, catdoc when antiword refuses the file (documents too
// small for it; by their docs, Word 6/95 files antiword cannot parse, Word 2, Write).
#pragma once

#include <string>

#include "extracted.h"

namespace vankho::formats {

// format "doc", converter "antiword" or "catdoc"; markup kPlain, one paragraph a line. An RTF
// file named .doc is read by read_rtf (with a warning). A converter that is missing, hangs,
// crashes or fails is a ReadResult error naming each converter tried and why (the first line of
// its stderr); output past limits.max_text_bytes is cut there, with a warning. catdoc is never
// run on a file without an OLE or Word signature: it would print the bytes as text.
[[nodiscard]] ReadResult read_doc(const std::string& path, const ReadLimits& limits);

}  // namespace vankho::formats
