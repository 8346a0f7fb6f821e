// Plain text and Markdown (.txt, .md): Markdown emphasis markers (`**`, `__`, `*x*`, `_x_`) are
// removed where they are emphasis, headings (`# x`) keep their text on their own line, `*`/`-`
// bullets and `_` inside words (`Block_BanTin`) are kept. Seeds are .txt files exported with
// Markdown, so both extensions get this treatment; plain text without markers passes unchanged.
#pragma once

#include <string>
#include <string_view>

namespace vankho::ingest {

// Emphasis runs pair up within a line (CommonMark flanking rules, simplified). A strong marker
// glued to the text before it (`CHƯƠNG TRÌNH**làm việc`, `năm 2022.**II- NHỮNG`) marks a line
// break lost in export and becomes one; a closing one glued to the next word becomes a space.
[[nodiscard]] std::string strip_markdown(std::string_view text);

}  // namespace vankho::ingest
