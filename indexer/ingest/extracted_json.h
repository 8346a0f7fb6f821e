// ExtractedText (formats/extracted.h) as JSON: how a format reader running in a child process
// hands its result back through the pipe.
#pragma once

#include <string>

#include "extracted.h"

namespace vankho::ingest {

[[nodiscard]] std::string encode_result(const formats::ReadResult& result);
// Throws std::runtime_error on bytes that are not an encoded result (a child that died mid-write).
[[nodiscard]] formats::ReadResult decode_result(const std::string& bytes);

}  // namespace vankho::ingest
