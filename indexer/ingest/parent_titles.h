// Records that belong to a larger document (an act exported one article a record): the parent's
// key (`--field parent=...`) and title (`--field parent_title=...`), which many exports write on
// one record only. Owns the title rule (--parent-title-pattern) and the inheritance: a record
// without a title of its own takes the title of the first record, in reading order, with the
// same parent key. Internal to ingest.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vankho::ingest {

struct SourceDocument;

class ParentTitles {
 public:
  // `pattern` as check_parent_title_pattern() (ingest.h) accepts it ("": the field is the title
  // as it is); std::invalid_argument for one it refuses.
  explicit ParentTitles(const std::string& pattern);
  ~ParentTitles();
  ParentTitles(const ParentTitles&) = delete;
  ParentTitles& operator=(const ParentTitles&) = delete;

  // The title a parent_title field gives: the pattern's first group in its first match (the whole
  // match when it has no group), "" when it does not match; the field itself without a pattern.
  // `{parent}` in the pattern stands for `key`, matched literally ("" when there is no key).
  [[nodiscard]] std::string title_in(std::string_view field, std::string_view key = {});

  // Remembers the title a record gives its parent, unless an earlier record gave one.
  void learn(const std::string& key, std::string_view field);

  // Sets doc.fields["parent_title"] to the record's own title, else to its parent's learned one,
  // and erases it when there is neither.
  void resolve(SourceDocument& doc);

  [[nodiscard]] size_t parents() const { return titles_.size(); }

 private:
  struct Rule;
  std::unique_ptr<Rule> rule_;  // null without a pattern
  std::unordered_map<std::string, std::string> titles_;  // parent key → title
};

}  // namespace vankho::ingest
