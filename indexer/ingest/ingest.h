// Ingest: turns the files a user points vankho-indexer at into clean source documents. Owns the
// readers (.txt, .md, .html/.htm, .jsonl, .jsonl.gz; .docx, .odt, .pdf, .doc, .rtf and scans
// through indexer/formats/), format sniffing, legacy encodings of plain text, the walk over
// folders, portal boilerplate removal (boilerplate.h) and the reporting of every file or line it
// had to skip.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extracted.h"
#include "vocabulary.h"

namespace vankho::formats {
enum class Encoding;  // legacy_encoding.h
}  // namespace vankho::formats

namespace vankho::ingest {

// How a whole-file document was read: what --extract shows and the stored document keeps.
struct FileInfo {
  std::string format;     // "txt", "md", "html", "docx", "odt", "pdf", "doc", "rtf", "image"; "" for JSONL records
  std::string converter;  // "libzip+pugixml", "poppler", "antiword", "unrtf", "tesseract", or ""
  std::string path;       // the file, absolute (the original a user may download), "" for JSONL
  size_t pages = 0;               // pages the file has, when known
  size_t ocr_pages = 0;           // pages whose text came from OCR
  size_t pages_without_text = 0;  // pages left without text (scans read without --ocr)
  std::vector<std::string> conversions;  // legacy encodings converted: "TCVN3: 14 runs"
  formats::FileProperties properties;    // the file's own title, creator, dates: fallbacks
};

struct SourceDocument {
  std::string id;      // path relative to the PATH given (forward slashes), or the JSONL `id`
  std::string source;  // the file it came from, as given on the command line
  size_t line = 0;     // JSONL line number (1-based); 0 for whole files
  std::string title;   // supplied by the source (JSONL `title`, HTML <title>), else ""
  std::string text;    // decoded, cleaned UTF-8 text (markup and boilerplate removed)
  std::map<std::string, std::string> fields;  // mapped JSONL metadata: number, date, type, ...
  uint64_t content_hash = 0;  // hash of title + text + fields: unchanged documents are skipped
  size_t invalid_utf8 = 0;    // U+FFFD substitutions made while decoding (reported as a warning)
  FileInfo file;
  std::vector<uint32_t> page_starts;  // byte offset in `text` where each page starts; empty: no pages
  // The level the archive's own metadata gives (from "rules", "sidecar" or "field", strongest
  // winning); nullopt when it gives none. Covered by content_hash.
  std::optional<extract::AccessAssignment> access;
};

// Something skipped or worth telling the user: "file:line: reason". The reason does not say
// "skipped" or "warning"; the caller prints that from `skipped`.
struct Problem {
  std::string file;
  size_t line = 0;  // 0 when it concerns the whole file
  std::string reason;
  bool skipped = true;  // false for warnings (document still indexed)
  std::string id;  // the document id concerned when known (a skipped file's relative path), else ""
  [[nodiscard]] std::string to_string() const;
};

struct IngestStats;
class AccessRules;  // access_rules.h

struct IngestOptions {
  // Larger files are skipped (reason names --max-file-size). For JSONL this bounds each record
  // (line), since every record is one document held in memory.
  uint64_t max_file_bytes = 64ull << 20;
  // Bound on the decompressed size of one .jsonl/.jsonl.gz export (a gzip-bomb guard; reason names
  // --max-export-size). Exports are streamed, so this is not a memory limit.
  uint64_t max_export_bytes = 16ull << 30;
  // JSONL field mapping: our name → the export's name, e.g. {"number","source_number"}. Our names
  // `id`, `title` and `text` may be mapped too; any other name becomes
  // SourceDocument::fields[name].
  std::map<std::string, std::string> field_map;
  // --parent-title-pattern: an ICU regular expression that finds the parent's title inside the
  // field mapped to `parent_title` (its first group, else the whole match); `{parent}` in it
  // stands for the record's parent key, matched literally. E.g. `số {parent} (.+?) ngày \d` in a
  // source note "(Điều 1 Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020 ...)" but not in
  // "(Điều 18 Luật số 87/2015/QH13, ... theo Nghị quyết số 96/2023/QH15 có hiệu lực ... ngày 1/7)".
  // "" takes the field as it is. A record whose field gives no title takes the one of the first record, in the order
  // the files and lines are read, with the same `parent` (parent_titles.h): every JSONL export of
  // the run is read twice when both `parent` and `parent_title` are mapped.
  std::string parent_title_pattern;
  std::string
      boilerplate_file;  // extra boilerplate rules (see boilerplate.txt), "" for builtin only
  // Called after each file and every few hundred JSONL records, for a progress display.
  std::function<void(const IngestStats&)> progress;
  // Bounds on one .docx/.odt/.pdf/.doc/.rtf/image (time, inflated bytes, pages; extracted.h).
  formats::ReadLimits read_limits;
  // --encoding: legacy text read as this encoding instead of detected (kUnicode: never converted).
  std::optional<formats::Encoding> encoding;
  // --ocr: scans (PDF pages without text, images) recognised with Tesseract; off, they are counted.
  bool ocr = false;
  // --follow-symlinks: symbolic links in a folder that lead outside the PATHs of the run are
  // followed (each with a warning); off, they are skipped with a reason (walk.h).
  bool follow_symlinks_out = false;
  // --access FILE: the rules placing documents at access levels by their ids (access_rules.h);
  // nullptr for none. The caller owns them. A whole file's sidecar (sidecar.h) and a record's
  // `level` field (field_map "level") override them, in that order.
  const AccessRules* access_rules = nullptr;
};

struct IngestStats {
  size_t files = 0, documents = 0, skipped = 0, warnings = 0;
  uint64_t bytes = 0;  // bytes of (decompressed) input read
  // For progress displays: on-disk bytes consumed so far (compressed for .gz) and in total.
  uint64_t input_bytes = 0, input_bytes_total = 0;
  size_t files_total = 0;
  size_t duplicate_ids = 0;  // ids seen again in this run (each also reported as a warning)
  size_t title_only = 0;     // records without text, indexed by their title
  std::map<std::string, size_t> documents_by_format;  // "pdf" → documents read from PDFs
  size_t pages = 0, ocr_pages = 0, pages_without_text = 0;
  size_t files_converted = 0;  // files with legacy-encoded text converted
};

using DocumentSink = std::function<void(SourceDocument&&)>;
using ProblemSink = std::function<void(const Problem&)>;

// Reads every supported file under each path (recursively, in sorted order for reproducible runs)
// and calls `sink` for each document. Never throws for bad input: it reports through `problems`
// (exceptions thrown by `sink` itself are passed on to the caller).
// A JSONL id repeated within one run is reported with both line numbers; the later record wins
// (the sink simply receives it again).
IngestStats read_paths(const std::vector<std::string>& paths, const IngestOptions& options,
                       const DocumentSink& sink, const ProblemSink& problems);

// True for the names read_paths reads (supported extensions, and names without one: sniffed).
[[nodiscard]] bool is_supported_file(const std::string& path);

// Checks a user boilerplate rules file (see boilerplate.txt) so that a tool can refuse a bad one
// before a run; empty when the file is readable and every rule is well formed.
[[nodiscard]] std::vector<Problem> check_boilerplate_file(const std::string& path);

// "" when `pattern` is a usable --parent-title-pattern (an ICU regular expression), else what is
// wrong with it ("U_REGEX_MISMATCHED_PAREN at character 7").
[[nodiscard]] std::string check_parent_title_pattern(const std::string& pattern);

// The 64-bit content hash stored in SourceDocument::content_hash (title, text, fields and the
// access level the archive's metadata gives).
[[nodiscard]] uint64_t content_hash(const SourceDocument& doc);

}  // namespace vankho::ingest
