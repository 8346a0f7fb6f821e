#include "document_reader.h"

#include "decode.h"
#include "file_input.h"
#include "html_reader.h"
#include "text_reader.h"
#include "tidy.h"

namespace vankho::ingest {
void read_document_file(const InputFile& file, Run& run) {
  FileBytes raw = read_file_bytes(file.path, run.options().max_file_bytes);
  if (!raw.error.empty()) return run.skip(file.path, 0, std::move(raw.error), file.id);
  run.stats().bytes += raw.bytes.size();
  run.stats().input_bytes += raw.bytes.size();
  if (raw.bytes.empty()) return run.skip(file.path, 0, "empty file", file.id);
  if (std::string reason = binary_reason(raw.bytes); !reason.empty()) {
    return run.skip(file.path, 0, std::move(reason), file.id);
  }
  text::DecodedText decoded = text::decode(raw.bytes);
  raw.bytes = std::string();
  if (is_blank(decoded.text))
    return run.skip(file.path, 0, "empty file (only whitespace)", file.id);
  if (decoded.invalid_sequences > 0) {
    run.warn(file.path, 0,
             std::to_string(decoded.invalid_sequences) +
                 " invalid UTF-8 sequence(s) replaced with U+FFFD (is the file UTF-8?)");
  }

  SourceDocument doc;
  doc.id = file.id;
  doc.source = file.path;
  doc.invalid_utf8 = decoded.invalid_sequences;
  if (ends_with_nocase(file.path, ".html") || ends_with_nocase(file.path, ".htm")) {
    HtmlText html = html_to_text(decoded.text);
    doc.title = std::move(html.title);
    doc.text = run.clean_text(html.text);
  } else {
    doc.text = run.clean_text(strip_markdown(decoded.text));
  }
  if (doc.text.empty()) {
    if (doc.title.empty()) {
      return run.skip(file.path, 0, "no text left after removing markup and boilerplate", file.id);
    }
    doc.text = doc.title;
    ++run.stats().title_only;
  }
  run.emit(std::move(doc));
}

}  // namespace vankho::ingest
