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

constexpr std::string_view kKeyPlaceholder = "{parent}";

// The pattern with {parent} standing for `key`, matched literally (\Q...\E).
std::string with_key(const std::string& pattern, std::string_view key) {
  std::string quoted = "\\Q";  // a "\E" in the key ends the quote, is written \\E, and quoting goes on
  for (size_t i = 0; i < key.size(); ++i) {
    if (key.compare(i, 2, "\\E") == 0) {
      quoted += "\\E\\\\E\\Q";
      ++i;
    } else {
      quoted += key[i];
    }
  }
  quoted += "\\E";
  std::string out;
  size_t from = 0;
  for (size_t at = pattern.find(kKeyPlaceholder); at != std::string::npos; at = pattern.find(kKeyPlaceholder, from)) {
    out.append(pattern, from, at - from).append(quoted);
    from = at + kKeyPlaceholder.size();
  }
  return out.append(pattern, from);
}

std::unique_ptr<icu::RegexPattern> compile(const std::string& pattern, UParseError& where, UErrorCode& status) {
  return std::unique_ptr<icu::RegexPattern>(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), where, status));
}

}  // namespace

// The compiled rule: one matcher, recompiled when the key changes if the pattern names {parent}
// (the records of one parent mostly come together). One per ingest run, which is one thread.
struct ParentTitles::Rule {
  std::string pattern;
  bool keyed = false;
  std::string key;  // the key the matcher was compiled for, when keyed
  std::unique_ptr<icu::RegexPattern> compiled;
  std::unique_ptr<icu::RegexMatcher> matcher;

  icu::RegexMatcher* for_key(std::string_view wanted) {
    if (matcher && (!keyed || key == wanted)) return matcher.get();
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    compiled = compile(keyed ? with_key(pattern, wanted) : pattern, where, status);
    matcher.reset(U_SUCCESS(status) ? compiled->matcher(status) : nullptr);
    if (!matcher || U_FAILURE(status)) {
      matcher.reset();
      return nullptr;
    }
    matcher->setTimeLimit(kMatchTimeLimit, status);
    key = wanted;
    return matcher.get();
  }
};

std::string check_parent_title_pattern(const std::string& pattern) {
  if (pattern.empty()) return "empty pattern";
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  (void)compile(with_key(pattern, "1/2020/QH14"), where, status);
  if (U_FAILURE(status)) {
    return std::string(u_errorName(status)) +
           (pattern.find(kKeyPlaceholder) == std::string::npos
                ? " at character " + std::to_string(where.offset + 1)
                : std::string(" (with {parent} standing for a key)"));
  }
  return "";
}

ParentTitles::ParentTitles(const std::string& pattern) {
  if (pattern.empty()) return;
  if (std::string error = check_parent_title_pattern(pattern); !error.empty()) {
    throw std::invalid_argument("--parent-title-pattern: " + error);
  }
  rule_ = std::make_unique<Rule>();
  rule_->pattern = pattern;
  rule_->keyed = pattern.find(kKeyPlaceholder) != std::string::npos;
}

ParentTitles::~ParentTitles() = default;

std::string ParentTitles::title_in(std::string_view field, std::string_view key) {
  if (!rule_) return tidy_line(field);
  if (rule_->keyed && key.empty()) return "";  // nothing to anchor on
  icu::RegexMatcher* m = rule_->for_key(key);
  if (m == nullptr) return "";
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(field.data(), static_cast<int32_t>(field.size())));
  m->reset(text);
  UErrorCode status = U_ZERO_ERROR;
  if (!m->find(status) || U_FAILURE(status)) return "";
  const icu::UnicodeString group = m->group(m->groupCount() > 0 ? 1 : 0, status);
  std::string out;
  if (U_SUCCESS(status)) group.toUTF8String(out);
  return tidy_line(out);
}

void ParentTitles::learn(const std::string& key, std::string_view field) {
  if (key.empty() || titles_.contains(key)) return;
  if (std::string title = title_in(field, key); !title.empty()) titles_.emplace(key, std::move(title));
}

void ParentTitles::resolve(SourceDocument& doc) {
  const auto key = doc.fields.find("parent");
  const std::string_view parent = key == doc.fields.end() ? std::string_view() : std::string_view(key->second);
  std::string title;
  if (const auto own = doc.fields.find("parent_title"); own != doc.fields.end()) title = title_in(own->second, parent);
  if (title.empty() && !parent.empty()) {
    if (const auto learned = titles_.find(key->second); learned != titles_.end()) title = learned->second;
  }
  if (title.empty()) {
    doc.fields.erase("parent_title");
  } else {
    doc.fields["parent_title"] = std::move(title);
  }
}

}  // namespace vankho::ingest
