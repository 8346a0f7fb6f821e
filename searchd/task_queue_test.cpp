#include "task_queue.h"

#include <gtest/gtest.h>

namespace vankho::searchd {
namespace {

TEST(RequestReady, AWholeHeadWithoutABodyIsReady) {
  EXPECT_TRUE(request_ready("GET / HTTP/1.1\r\nHost: x\r\n\r\n", 100));
  EXPECT_TRUE(request_ready("GET / HTTP/1.1\nHost: x\n\n", 100));
  EXPECT_FALSE(request_ready("GET / HTTP/1.1\r\nHost: x\r\n", 100));
  EXPECT_FALSE(request_ready("", 100));
}

TEST(RequestReady, ABodyMustHaveArrivedAsAnnounced) {
  const std::string head = "POST /a HTTP/1.1\r\nHost: x\r\ncontent-LENGTH:  5 \r\n\r\n";
  EXPECT_FALSE(request_ready(head, 100));
  EXPECT_FALSE(request_ready(head + "abcd", 100));
  EXPECT_TRUE(request_ready(head + "abcde", 100));
  EXPECT_TRUE(request_ready(head + "abcdeGET / HTTP/1.1\r\n", 100));  // the next one pipelined
  EXPECT_TRUE(request_ready("POST /a HTTP/1.1\nContent-Length: 0\n\n", 100));
}

TEST(RequestReady, WhatHttplibRefusesAtOnceIsHandedOverAtOnce) {
  // Longer than allowed (413), not a number, or chunked (411): no need to wait for it.
  EXPECT_TRUE(request_ready("POST /a HTTP/1.1\r\nContent-Length: 101\r\n\r\n", 100));
  EXPECT_TRUE(request_ready("POST /a HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n", 100));
  EXPECT_TRUE(request_ready("POST /a HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", 100));
  EXPECT_TRUE(request_ready("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 100));
  // A head past the limit without its end (414 or 400).
  EXPECT_TRUE(request_ready("GET /" + std::string(kMaxRequestHead, 'a'), 100));
}

}  // namespace
}  // namespace vankho::searchd
