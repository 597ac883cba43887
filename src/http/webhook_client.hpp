// The real webhook sender: a small HTTP/1.1 client on POSIX sockets for http:// URLs (loopback
// or an intranet receiver). https is not supported (no TLS library is linked); such URLs fail
// with a clear error. Also the sleeper that waits between attempts.
#pragma once

#include <chrono>
#include <string>

#include "core/warn/webhook.hpp"

namespace vigil::http {

struct HttpUrl {
  std::string host;
  std::uint16_t port = 80;
  std::string target;  // path and query, at least "/"
};

// Parses "http://host[:port][/path]". kInvalidArgument for other schemes (https included),
// user info, or a bad port.
[[nodiscard]] Result<HttpUrl> ParseHttpUrl(const std::string& url);

class SocketWebhookTransport final : public core::warn::WebhookTransport {
 public:
  explicit SocketWebhookTransport(std::chrono::milliseconds timeout = std::chrono::seconds(5))
      : timeout_(timeout) {}
  // Connects, sends the POST with Content-Length and Connection: close, reads the status line.
  // kUnavailable when there is no answer within the timeout or the connection fails.
  Result<int> Post(const std::string& url, const core::warn::HttpHeaders& headers,
                   const std::string& body) override;

 private:
  std::chrono::milliseconds timeout_;
};

class ThreadSleeper final : public core::warn::Sleeper {
 public:
  void SleepFor(std::chrono::milliseconds duration) override;
};

}  // namespace vigil::http
