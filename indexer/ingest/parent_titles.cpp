#include "parent_titles.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "ingest.h"
#include "tidy.h"

namespace vankho::ingest {
namespace {

// A pattern that backtracks without end gives up after about this long (ICU's match steps are
// roughly milliseconds) and the field counts as not matching.
constexpr int32_t kMatchTimeLimit = 200;

}  // namespace

struct ParentTitles::Rule {
  std::unique_ptr<icu::RegexPattern> pattern;
  std::unique_ptr<icu::RegexMatcher> matcher;  // reused: one per ingest run, which is one thread
};

std::string check_parent_title_pattern(const std::string& pattern) {
  if (pattern.empty()) return "empty pattern";
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), where, status));
  if (U_FAILURE(status)) {
    return std::string(u_errorName(status)) + " at character " + std::to_string(where.offset + 1);
  }
  return "";
}

ParentTitles::ParentTitles(const std::string& pattern) {
  if (pattern.empty()) return;
  if (std::string error = check_parent_title_pattern(pattern); !error.empty()) {
    throw std::invalid_argument("--parent-title-pattern: " + error);
  }
  rule_ = std::make_unique<Rule>();
  UErrorCode status = U_ZERO_ERROR;
  rule_->pattern.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, status));
  rule_->matcher.reset(rule_->pattern->matcher(status));
  rule_->matcher->setTimeLimit(kMatchTimeLimit, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("parent title pattern: ") + u_errorName(status));
}

ParentTitles::~ParentTitles() = default;

std::string ParentTitles::title_in(std::string_view field) {
  if (!rule_) return tidy_line(field);
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(field.data(), static_cast<int32_t>(field.size())));
  icu::RegexMatcher& m = *rule_->matcher;
  m.reset(text);
  UErrorCode status = U_ZERO_ERROR;
  if (!m.find(status) || U_FAILURE(status)) return "";
  const icu::UnicodeString group = m.group(m.groupCount() > 0 ? 1 : 0, status);
  std::string out;
  if (U_SUCCESS(status)) group.toUTF8String(out);
  return tidy_line(out);
}

void ParentTitles::learn(const std::string& key, std::string_view field) {
  if (key.empty() || titles_.contains(key)) return;
  if (std::string title = title_in(field); !title.empty()) titles_.emplace(key, std::move(title));
}

void ParentTitles::resolve(SourceDocument& doc) {
  std::string title;
  if (const auto own = doc.fields.find("parent_title"); own != doc.fields.end()) title = title_in(own->second);
  if (title.empty()) {
    if (const auto key = doc.fields.find("parent"); key != doc.fields.end()) {
      if (const auto learned = titles_.find(key->second); learned != titles_.end()) title = learned->second;
    }
  }
  if (title.empty()) {
    doc.fields.erase("parent_title");
  } else {
    doc.fields["parent_title"] = std::move(title);
  }
}

}  // namespace vankho::ingest
