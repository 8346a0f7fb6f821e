// The response cache: hits within a generation, a newer generation empties it, LRU bounds.
#include "response_cache.h"

#include <gtest/gtest.h>

namespace vankho::searchd {
namespace {

ResponseCache::Answer answer(const std::string& body) { return {body, 1}; }

TEST(ResponseCache, AnswersARepeatedRequestOfTheSameGeneration) {
  ResponseCache cache(10, 1 << 20);
  EXPECT_FALSE(cache.get("q=a", 1).has_value());
  cache.put("q=a", 1, answer("{\"a\":1}"));
  ASSERT_TRUE(cache.get("q=a", 1).has_value());
  EXPECT_EQ(cache.get("q=a", 1)->body, "{\"a\":1}");
  EXPECT_FALSE(cache.get("q=b", 1).has_value());
  const auto stats = cache.stats();
  EXPECT_EQ(stats.hits, 2u);
  EXPECT_EQ(stats.misses, 2u);
}

TEST(ResponseCache, ANewIndexGenerationNeverServesOldAnswers) {
  ResponseCache cache(10, 1 << 20);
  cache.put("q=a", 1, answer("old"));
  EXPECT_FALSE(cache.get("q=a", 2).has_value());  // the index was reloaded
  cache.put("q=a", 2, answer("new"));
  EXPECT_EQ(cache.get("q=a", 2)->body, "new");
  cache.put("q=b", 1, answer("late"));  // computed on the old index, finished after the reload
  EXPECT_FALSE(cache.get("q=b", 2).has_value());
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST(ResponseCache, TheLeastRecentlyUsedGoesFirst) {
  ResponseCache cache(2, 1 << 20);
  cache.put("a", 1, answer("A"));
  cache.put("b", 1, answer("B"));
  ASSERT_TRUE(cache.get("a", 1).has_value());  // a is now the most recent
  cache.put("c", 1, answer("C"));
  EXPECT_TRUE(cache.get("a", 1).has_value());
  EXPECT_FALSE(cache.get("b", 1).has_value());
  EXPECT_TRUE(cache.get("c", 1).has_value());
}

TEST(ResponseCache, BytesAreBoundedAndZeroEntriesDisablesIt) {
  ResponseCache small(100, 1600);
  small.put("big", 1, answer(std::string(200, 'x')));  // above a sixteenth of the bytes: not kept
  EXPECT_FALSE(small.get("big", 1).has_value());
  for (int i = 0; i < 30; ++i) small.put("k" + std::to_string(i), 1, answer(std::string(90, 'x')));
  EXPECT_LE(small.stats().bytes, 1600u);
  EXPECT_TRUE(small.get("k29", 1).has_value());
  EXPECT_FALSE(small.get("k0", 1).has_value());
  ResponseCache off(0, 1 << 20);
  off.put("a", 1, answer("A"));
  EXPECT_FALSE(off.get("a", 1).has_value());
}

}  // namespace
}  // namespace vankho::searchd
