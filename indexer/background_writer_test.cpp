// The background writer applies changes in order, bounds its queue, and hands a failure back.
#include "background_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <vector>

namespace vankho::index {
namespace {

TEST(BackgroundWriter, AppliesChangesInPostedOrder) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::vector<int> order;  // touched only by the writer thread until drain()
  {
    BackgroundWriter writer(4, 1 << 20);
    for (int i = 0; i < 1000; ++i) {
      writer.post([&order, &d = db, i] {
        Xapian::Document doc;
        doc.add_term("n" + std::to_string(i));
        d.add_document(doc);
        order.push_back(i);
      }, 10);
    }
    writer.drain();
  }
  ASSERT_EQ(order.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(order[i], i);
  EXPECT_EQ(db.get_doccount(), 1000u);
}

TEST(BackgroundWriter, AFailureReachesTheProducerAndStopsLaterChanges) {
  std::atomic<int> applied_after_failure{0};
  BackgroundWriter writer;
  writer.post([] { throw Xapian::InvalidArgumentError("bad change"); }, 0);
  // The failure surfaces at a later post() or at drain(), as the Xapian error that was thrown.
  bool rethrown = false;
  try {
    for (int i = 0; i < 100000; ++i) {
      writer.post([&] { ++applied_after_failure; }, 0);
    }
    writer.drain();
  } catch (const Xapian::InvalidArgumentError& e) {
    rethrown = true;
    EXPECT_EQ(e.get_msg(), "bad change");
  }
  EXPECT_TRUE(rethrown);
  EXPECT_EQ(applied_after_failure.load(), 0);
  EXPECT_THROW(writer.drain(), Xapian::InvalidArgumentError);
}

TEST(BackgroundWriter, AnItemLargerThanTheByteBoundIsStillAdmitted) {
  BackgroundWriter writer(2, 100);
  int applied = 0;
  writer.post([&] { ++applied; }, 1000);
  writer.post([&] { ++applied; }, 1000);
  writer.drain();
  EXPECT_EQ(applied, 2);
}

}  // namespace
}  // namespace vankho::index
