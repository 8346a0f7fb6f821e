#include "completion_index.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho::query {
namespace {

bool has(const std::vector<Completion>& list, const std::string& text, CompletionKind kind) {
  return std::any_of(list.begin(), list.end(), [&](const Completion& c) { return c.text == text && c.kind == kind; });
}

class CompletionSeeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    (void)testing::build_index(dir_->str("index"), {testing::seeds_dir()});
    index_ = Searcher(dir_->str("index")).completions();
  }
  static void TearDownTestSuite() {
    index_.reset();
    delete dir_;
  }
  static inline testing::TempDir* dir_ = nullptr;
  static inline std::shared_ptr<const CompletionIndex> index_;
};

TEST_F(CompletionSeeds, PhrasesWithoutDiacritics) {
  const auto list = index_->complete("nong th", 10);
  EXPECT_TRUE(has(list, "nông thôn", CompletionKind::kPhrase));
  EXPECT_LE(list.size(), 10u);
}

TEST_F(CompletionSeeds, CodesInTheirSpellings) {
  EXPECT_TRUE(has(index_->complete("13-nq", 10), "13-NQ/TW", CompletionKind::kCode));
  EXPECT_TRUE(has(index_->complete("NQ 13", 10), "13-NQ/TW", CompletionKind::kCode));
  EXPECT_TRUE(has(index_->complete("13/NQ", 10), "13-NQ/TW", CompletionKind::kCode));
}

TEST_F(CompletionSeeds, TitlesFromAnyWord) {
  const auto list = index_->complete("chương trình hành", 10);
  ASSERT_FALSE(list.empty());
  const auto title = std::find_if(list.begin(), list.end(), [](const Completion& c) { return c.kind == CompletionKind::kTitle; });
  ASSERT_NE(title, list.end());
  EXPECT_EQ(title->text.rfind("Chương trình hành động", 0), 0u);
  EXPECT_FALSE(title->id.empty());
  EXPECT_FALSE(index_->complete("ban thuong vu", 10).empty());
}

TEST_F(CompletionSeeds, NothingForNothing) {
  EXPECT_TRUE(index_->complete("", 10).empty());
  EXPECT_TRUE(index_->complete("   ", 10).empty());
  EXPECT_TRUE(index_->complete("zzzzqqq", 10).empty());
  EXPECT_TRUE(index_->complete("nong", 0).empty());
  EXPECT_LE(index_->complete("n", 3).size(), 3u);
}

TEST(SuggestKey, FoldsAndSpaces) {
  EXPECT_EQ(CompletionIndex::key_of("Nông THÔN  mới!"), "nong thon moi");
  EXPECT_EQ(CompletionIndex::key_of("13-NQ/TW"), "13 nq tw");
  EXPECT_EQ(CompletionIndex::key_of("Đảng “Mỗi xã”"), "dang moi xa");
  EXPECT_EQ(CompletionIndex::key_of("nong ", true), "nong ");
  EXPECT_EQ(CompletionIndex::key_of("\xff\xfe"), "");
}

}  // namespace
}  // namespace vankho::query
