// extract(): runs the stages over one document and applies the supplied metadata.
#include "extract.h"

#include "access.h"
#include "citations.h"
#include "dates.h"
#include "doc_code.h"
#include "doc_text.h"
#include "fold.h"
#include "header.h"
#include "issuer.h"
#include "sections.h"
#include "signer.h"
#include "title.h"

namespace vankho::extract {
namespace {

using detail::DocText;

constexpr size_t kOpeningLines = 2;  // non-blank lines after the title read for the period
constexpr size_t kOpeningTokens = 120;
constexpr size_t kDraftLinesAfterTitle = 2;

// A supplied type: a known slug or label, else the label as given with a slug made from it.
void apply_type(std::string_view supplied, DocumentMetadata& m) {
  const std::string_view s = detail::trim(supplied);
  const DocType* t = doc_type_by_slug(s);
  if (!t) t = doc_type_by_words(text::fold(s));
  if (t) {
    m.type = std::string(t->slug);
    m.type_label = std::string(t->label);
    return;
  }
  m.type_label = std::string(s);
  m.type.clear();
  for (char c : text::fold(s)) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      m.type.push_back(c);
    } else if (!m.type.empty() && m.type.back() != '-') {
      m.type.push_back('-');
    }
  }
  while (!m.type.empty() && m.type.back() == '-') m.type.pop_back();
}

void set_type(const DocType* t, DocumentMetadata& m) {
  if (!t) return;
  m.type = std::string(t->slug);
  m.type_label = std::string(t->label);
}

// Tokens of the first few non-blank lines of the body: where a period is restated.
std::pair<size_t, size_t> opening(const DocText& d, size_t body_start) {
  const auto& lines = d.lines();
  if (body_start >= lines.size()) return {d.size(), d.size()};
  const size_t first = lines[body_start].first_token;
  size_t end = first;
  for (size_t i = body_start, taken = 0; i < lines.size() && taken < kOpeningLines; ++i) {
    if (lines[i].blank()) continue;
    end = lines[i].end_token;
    ++taken;
  }
  return {first, std::min(end, first + kOpeningTokens)};
}

}  // namespace

DocumentMetadata extract(const ExtractInput& input, const ThemeTaxonomy& themes) {
  const DocText d(input.text, input.tokens);
  DocumentMetadata m;
  m.id = input.id;

  const detail::TitleBlock title_block = detail::find_title(d);
  const detail::HeaderBlock header = detail::read_header(
      d, title_block.header_end, title_block.body_start + kDraftLinesAfterTitle);
  const bool news = title_block.type && title_block.type->slug == "tin-bai";

  if (!input.type.empty()) {
    apply_type(input.type, m);
  } else if (title_block.type) {
    set_type(title_block.type, m);
  } else {
    set_type(doc_type_by_code_letters(header.number_type), m);
  }

  m.title = input.title.empty() ? title_block.title : std::string(detail::trim(input.title));
  if (!input.number.empty()) {
    auto code = text::parse_code(input.number);
    m.number = code ? code->canonical : std::string(detail::trim(input.number));
  } else {
    m.number = header.number;
  }
  m.draft = header.draft;

  if (!input.date.empty()) m.date = parse_date(input.date);
  if (m.date.empty()) m.date = header.date;
  if (m.date.empty() && title_block.dateline) m.date = *title_block.dateline;

  // A period is read from a real title (a type heading, a headline, a supplied title) and the
  // lines after it; a first line standing in for a title is read like any opening text.
  using Source = detail::TitleBlock::Source;
  const DocText title(m.title, nullptr);
  const DocText no_title("", nullptr);
  const bool real_title = !input.title.empty() || title_block.source == Source::kHeading ||
                          title_block.source == Source::kNews;
  const bool own_title =
      title_block.source == Source::kHeading || title_block.source == Source::kNews;
  auto [opening_first, opening_end] = opening(d, title_block.body_start);
  if (!own_title) opening_first = opening_end = 0;
  m.period = detail::find_period(
      title, real_title ? detail::PeriodScope::kTitle : detail::PeriodScope::kOpening, d,
      opening_first, opening_end, own_title ? m.date.year : 0);

  const auto own = text::parse_code(m.number);
  m.citations = detail::find_citations(d, own ? own->key : std::string());

  std::optional<detail::SignatureBlock> signature;
  if (!news) signature = detail::find_signature(d);
  if (signature) m.signer = signature->signer;
  const DocText& issuer_title = real_title ? title : no_title;
  if (!news) m.issuer = detail::find_issuer(d, issuer_title, header, signature);
  m.province = detail::find_province(d, header, own_title);
  m.term = detail::find_term(d, issuer_title);

  m.sections = detail::find_sections(d);
  m.themes = themes.score(d.tokens());
  // The stamp stands until the indexer weighs the archive's own metadata against it.
  m.stamp = detail::find_stamp(d);
  if (m.stamp) m.access = {*m.stamp, "stamp"};
  return m;
}

}  // namespace vankho::extract
