// The metadata a document stores and `vankho-indexer --extract` prints: the extracted metadata
// (extract::to_json's keys) and, for a whole file, how it was read ("file": format, converter,
// pages, OCR, legacy encodings converted, the file's own properties, its path) and where its pages
// start ("pages": byte offsets; each section then says its "page"). "ocr": true when any of its
// text came from OCR. "parent": {"number", "title"} of the larger document a record is part of
// (JSONL `--field parent=...`, `parent_title=...`), when it names one.
#pragma once

#include <nlohmann/json.hpp>

#include "extract.h"
#include "ingest.h"

namespace vankho::index {

[[nodiscard]] nlohmann::json document_json(const ingest::SourceDocument& source,
                                           const extract::DocumentMetadata& meta);

}  // namespace vankho::index
