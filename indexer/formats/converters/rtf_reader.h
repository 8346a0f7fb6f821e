// RTF (.rtf, and Word's "Rich Text" saved as .doc) to text, read by vankho's own one-pass RTF
// reader ("vankho-rtf"): Debian's unrtf 0.21 loses Vietnamese text (see rtf_reader.cpp).
#pragma once

#include <string>

#include "extracted.h"

namespace vankho::formats {

// format "rtf", converter "vankho-rtf", markup kPlain; the \info title, author and dates as
// properties. Page breaks (\page, \pagebb, page-starting sections) become '\f'; table cells are
// separated by '\t', one row a line; footnotes follow the body. A file that does not begin with
// "{\rtf" is an error; a limit reached while reading keeps the text so far, with a warning.
[[nodiscard]] ReadResult read_rtf(const std::string& path, const ReadLimits& limits);

}  // namespace vankho::formats
