// Fuzz target: the office readers (indexer/formats/office), under small zip-bomb limits. An input
// that is a zip ("PK") is read as it is, as .docx and as .odt (the container: zip, OLE, encryption
// sniffing). Any other input is XML that goes into a valid package, so that mutations reach the
// XML walkers rather than die at a CRC check: its fields (0x1E between them) are the main part,
// the styles and the notes, packed as word/document.xml, word/styles.xml, word/footnotes.xml
// (docx) and as content.xml, styles.xml, meta.xml (odt), and read by both readers.
#include "fields.h"
#include "memory_file.h"
#include "office_reader.h"
#include "read_result_check.h"
#include "zip_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vankho;
  const std::string_view input = fuzz::as_text(data, size);
  const formats::ReadLimits limits = fuzz::small_limits();
  if (input.starts_with("PK")) {
    const std::string& path = fuzz::input_file().write(input);
    fuzz::check_read_result(formats::read_docx(path, limits));
    fuzz::check_read_result(formats::read_odt(path, limits));
    return 0;
  }
  const auto [main, styles, notes] = fuzz::split_fields<3>(input);
  const std::string docx = fuzz::stored_zip(
      {{"word/document.xml", main}, {"word/styles.xml", styles}, {"word/footnotes.xml", notes}});
  fuzz::check_read_result(formats::read_docx(fuzz::input_file().write(docx), limits));
  const std::string odt = fuzz::stored_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                            {"content.xml", main},
                                            {"styles.xml", styles},
                                            {"meta.xml", notes}});
  fuzz::check_read_result(formats::read_odt(fuzz::input_file().write(odt), limits));
  return 0;
}
