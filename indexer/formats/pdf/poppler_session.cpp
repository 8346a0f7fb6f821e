// Poppler's error callback, ustring conversion and document opening (see poppler_session.h).
#include "poppler_session.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string_view>

namespace vankho::formats::pdf {
namespace {

constexpr size_t kMaxMessages = 4;

thread_local PopplerMessages* current_capture = nullptr;

void on_poppler_message(const std::string& message, void*) {
  if (current_capture != nullptr) current_capture->add(message);
}

// A PDF header may follow up to 1 KiB of junk (readers accept it, and so does poppler).
bool has_pdf_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head.find("%PDF-") != std::string::npos;
}

}  // namespace

PopplerMessages::PopplerMessages() : previous_(current_capture) {
  static std::once_flag installed;
  std::call_once(installed, [] { poppler::set_debug_error_function(on_poppler_message, nullptr); });
  current_capture = this;
}

PopplerMessages::~PopplerMessages() { current_capture = previous_; }

void PopplerMessages::add(const std::string& message) {
  std::string_view m = message;
  if (m.starts_with("error: ")) m.remove_prefix(7);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ' || m.back() == '.')) m.remove_suffix(1);
  if (m.empty() || messages_.size() >= kMaxMessages) return;
  if (std::find(messages_.begin(), messages_.end(), m) == messages_.end())
    messages_.emplace_back(m);
}

std::string utf8_of(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

OpenedDocument open_document(const std::string& path, const PopplerMessages& messages) {
  OpenedDocument out;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    out.error = "cannot read file: it is a folder";
    return out;
  }
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) {
      out.error = "cannot read file: " + std::string(std::strerror(errno));
      return out;
    }
  }
  out.doc.reset(poppler::document::load_from_file(path));
  if (!out.doc) {
    if (!has_pdf_header(path)) {
      out.error = "not a PDF";
    } else {
      std::string why;
      for (const std::string& m : messages.messages()) why += (why.empty() ? "" : "; ") + m;
      out.error = "damaged PDF: " + (why.empty() ? std::string("poppler cannot load it") : why);
    }
    return out;
  }
  // A locked document must not be asked anything else: poppler 22.12 crashes on pages().
  if (out.doc->is_locked()) {
    out.doc.reset();
    out.error = "encrypted or password-protected PDF";
  }
  return out;
}

}  // namespace vankho::formats::pdf
