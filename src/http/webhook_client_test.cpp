#include "http/webhook_client.hpp"

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vigil::http {
namespace {

TEST(WebhookClient, ParsesHttpUrls) {
  auto url = ParseHttpUrl("http://127.0.0.1:8099/hooks/vigil?x=1");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, 8099);
  EXPECT_EQ(url->target, "/hooks/vigil?x=1");
  auto bare = ParseHttpUrl("http://receiver.intranet");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->port, 80);
  EXPECT_EQ(bare->target, "/");
  auto v6 = ParseHttpUrl("http://[::1]:9000/h");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 9000);
}

TEST(WebhookClient, RefusesWhatItCannotSend) {
  for (const char* bad : {"https://example.org/hook", "ftp://x/", "http://user:pw@host/", "http://host:0/",
                          "http://host:99999/", "http:///path",
                          "http://host/a\r\nX-Injected: 1", "http://host:/"}) {
    auto url = ParseHttpUrl(bad);
    EXPECT_FALSE(url) << bad;
    if (!url) {
      EXPECT_EQ(url.error().code, ErrorCode::kInvalidArgument);
    }
  }
  EXPECT_NE(ParseHttpUrl("https://example.org/").error().message.find("https is not supported"),
            std::string::npos);
}

TEST(WebhookClient, NoListenerIsUnavailable) {
  // Bind a port, then close it: nothing listens there any more.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  socklen_t length = sizeof(address);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const int port = ntohs(address.sin_port);
  ::close(fd);
  SocketWebhookTransport transport(std::chrono::milliseconds(500));
  auto status = transport.Post("http://127.0.0.1:" + std::to_string(port) + "/", {}, "{}");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace vigil::http
