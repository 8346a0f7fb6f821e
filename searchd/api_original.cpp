// GET /api/documents/{id}/original: the file a document was read from, as a download. Only files
// the Searcher vouches for (inside the folder they were indexed from, links resolved) are served,
// streamed from disk, as an attachment so that no original (an .html one, say) ever runs in the
// API's origin. The one exception, asked for with inline=true: a PDF, shown by the browser's own
// viewer (under the API's strict Content-Security-Policy, which Chromium's viewer works under: the
// browser suite checks it), so that a link can open it at a page (#page=N).
#include <cstdio>
#include <memory>

#include "api.h"
#include "json_response.h"
#include "params.h"
#include "request_context.h"
#include "utf8.h"

namespace vankho::searchd {
namespace {

std::string content_type_of(const std::string& format) {
  if (format == "pdf") return "application/pdf";
  if (format == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (format == "odt") return "application/vnd.oasis.opendocument.text";
  if (format == "doc") return "application/msword";
  if (format == "rtf") return "application/rtf";
  if (format == "txt") return "text/plain";
  if (format == "md") return "text/markdown";
  if (format == "html") return "text/html";
  return "application/octet-stream";
}

// RFC 6266: "attachment" or "inline", an ASCII fallback name, and the real one percent-encoded as UTF-8.
std::string disposition(std::string_view kind, const std::string& name) {
  std::string ascii, encoded;
  for (const unsigned char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    ascii += plain ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return std::string(kind) + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

void Api::original(const Caller& caller, const std::string& id, const httplib::Request& req, const Params& params,
                   httplib::Response& res) {
  const Parsed<bool> inline_wanted = parse_original(params);
  if (inline_wanted.error) return send_param_error(res, inline_wanted.error->param, inline_wanted.error->message);
  if (id.empty() || id.size() > 240 || !text::valid_utf8(id)) {
    return send_error(res, 404, "not_found", "no document with this id");
  }
  with_searcher(caller.clearance, res, [&](query::Searcher& s) {
    const auto not_found = [&] {
      send_error(res, 404, "not_found",
                 "no original file for this document (no such id, a record of an export, or the "
                 "file is gone from the folder it was indexed from)");
    };
    const std::optional<query::OriginalFile> file = s.original(id);
    if (!file) return not_found();
    // The level is on the document's view (OriginalFile does not carry it); only read when audited.
    std::optional<extract::AccessLevel> level;
    if (parts_.audit.enabled()) {
      const std::optional<query::DocumentView> view = s.document(id);
      if (!view) return not_found();
      level = view->level;
    }
    auto in = std::shared_ptr<std::FILE>(std::fopen(file->path.c_str(), "rb"), [](std::FILE* f) {
      if (f) std::fclose(f);
    });
    if (!in || std::fseek(in.get(), 0, SEEK_END) != 0) {
      return send_error(res, 404, "not_found", "the original file can no longer be read");
    }
    const long size = std::ftell(in.get());
    std::rewind(in.get());
    if (size < 0) return send_error(res, 404, "not_found", "the original file can no longer be read");
    if (level && !audit(caller, req, id, *level, "original", res)) return;
    current_request().hits = 1;
    res.status = 200;
    const bool shown = inline_wanted.value && file->format == "pdf";
    res.set_header("Content-Disposition", disposition(shown ? "inline" : "attachment", file->name));
    res.set_content_provider(static_cast<size_t>(size), content_type_of(file->format),
                             [in](size_t offset, size_t length, httplib::DataSink& sink) {
                               char buffer[64 * 1024];
                               if (std::fseek(in.get(), static_cast<long>(offset), SEEK_SET) != 0) return false;
                               const size_t n = std::fread(buffer, 1, std::min(length, sizeof buffer), in.get());
                               return n > 0 && sink.write(buffer, n);
                             });
  });
}

}  // namespace vankho::searchd
