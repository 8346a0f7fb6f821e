// Talking to poppler-cpp: its error messages kept off stderr (captured per thread, for the
// "damaged PDF: ..." reason), its UTF-16 strings converted, and a document opened or refused with
// the reason a person needs.
#pragma once

#include <poppler-document.h>
#include <poppler-global.h>

#include <memory>
#include <string>
#include <vector>

namespace vankho::formats::pdf {

// While alive, poppler's messages on this thread are collected here instead of printed.
// (Installs a process-wide silent handler the first time; messages outside a capture are dropped.)
class PopplerMessages {
 public:
  PopplerMessages();
  ~PopplerMessages();
  PopplerMessages(const PopplerMessages&) = delete;
  PopplerMessages& operator=(const PopplerMessages&) = delete;

  // Distinct messages so far, in order ("Couldn't read xref table"), at most a few.
  [[nodiscard]] const std::vector<std::string>& messages() const { return messages_; }
  void add(const std::string& message);

 private:
  PopplerMessages* previous_;
  std::vector<std::string> messages_;
};

[[nodiscard]] std::string utf8_of(const poppler::ustring& s);

struct OpenedDocument {
  std::unique_ptr<poppler::document> doc;  // unlocked and ready, or null with `error` set
  std::string error;
};

// Opens `path`: errors "cannot read file: ...", "not a PDF", "damaged PDF: ...", "encrypted or
// password-protected PDF". A document encrypted with an owner password only (copy or print
// restrictions) opens without one and is read.
[[nodiscard]] OpenedDocument open_document(const std::string& path,
                                           const PopplerMessages& messages);

}  // namespace vankho::formats::pdf
