// Builds an ExtractedText from the walk of an office document: paragraphs to lines, table rows to
// one line of " | "-separated cells, page breaks to '\f' between pages only, and runs of text
// grouped by font so that legacy-font (TCVN3, VNI) groups are repaired by vankho_legacy. Enforces
// max_text_bytes and the time limit. Internal to vankho_office.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "extracted.h"
#include "legacy_encoding.h"

namespace vankho::formats::office {

class TextBuilder {
 public:
  TextBuilder(const ReadLimits& limits, std::optional<Encoding> forced);

  // Run text (UTF-8 as found in the XML) set in `font` ("" when unknown). Consecutive calls with
  // the same font are one group for the legacy repair.
  void text(std::string_view utf8, std::string_view font);
  // '\t' or '\n' (a line break inside a paragraph; a space inside a table cell).
  void control(char c);
  // "- " before the next text of the next paragraph (a list item).
  void list_item() { list_item_ = true; }
  void end_paragraph();  // ends the line; inside a table cell, a space before the next text
  void begin_cell();
  void end_cell();
  void end_row();  // ends the line (a nested table's row: " | " before the next text)
  void page_break();

  // True once a limit stopped the text: walkers may stop early.
  [[nodiscard]] bool full() const { return full_; }
  void warn(std::string warning) { doc_.warnings.push_back(std::move(warning)); }

  // The text (ending with '\n' unless empty), conversions and warnings; format, converter and
  // properties are the caller's.
  [[nodiscard]] ExtractedText finish();

 private:
  enum class Sep { kNone, kSpace, kCell };
  void flush_group();
  void append(std::string_view repaired);  // sanitized into line_, with the pending separator
  void emit_line();
  void open_page();  // a pending page break becomes the '\f' before what comes next
  void separate(Sep sep) { sep_ = std::max(sep_, sep); }
  bool fits(size_t more);
  void check_time();

  ExtractedText doc_;
  std::string& out_;
  std::string line_;
  std::string group_, group_font_;
  Sep sep_ = Sep::kNone;
  int cell_depth_ = 0;
  bool list_item_ = false;
  bool page_pending_ = false;
  bool full_ = false;
  uint64_t max_text_bytes_;
  std::optional<Encoding> forced_;
  std::map<Encoding, size_t> converted_;  // groups repaired, by encoding
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::milliseconds time_limit_;
  unsigned lines_since_clock_ = 0;
};

// Text boxes met during a walk are read after the paragraph that anchors them; a box may hold
// paragraphs holding boxes, so they are taken in rounds, at most `max_rounds`. `visit` reads one
// child element of a box (and may add boxes for the next round).
template <typename Visit>
void drain_in_rounds(std::vector<pugi::xml_node>& boxes, const TextBuilder& out, int max_rounds,
                     Visit visit) {
  for (int round = 0; round < max_rounds && !boxes.empty() && !out.full(); ++round) {
    std::vector<pugi::xml_node> now;
    now.swap(boxes);
    for (pugi::xml_node box : now) {
      for (pugi::xml_node c = box.first_child(); c; c = c.next_sibling()) visit(c);
    }
  }
  boxes.clear();
}

}  // namespace vankho::formats::office
