#include "http/webhook_client.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <cstring>
#include <thread>

namespace vigil::http {
namespace {

tl::unexpected<Error> Unavailable(const std::string& message) {
  return MakeError(ErrorCode::kUnavailable, message);
}

// Closes the socket when it goes out of scope.
struct SocketGuard {
  int fd = -1;
  ~SocketGuard() {
    if (fd >= 0) ::close(fd);
  }
};

bool WaitFor(int fd, short events, std::chrono::steady_clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd entry{fd, events, 0};
  return ::poll(&entry, 1, static_cast<int>(left.count())) == 1;
}

}  // namespace

Result<HttpUrl> ParseHttpUrl(const std::string& url) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the webhook URL must start with http:// (https is not supported)");
  }
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      return MakeError(ErrorCode::kInvalidArgument, "the webhook URL has a space or control character");
    }
  }
  const std::string rest = url.substr(kScheme.size());
  const std::size_t slash = rest.find('/');
  const std::string authority = rest.substr(0, slash);
  HttpUrl parsed;
  parsed.target = slash == std::string::npos ? "/" : rest.substr(slash);
  if (authority.empty() || authority.find('@') != std::string::npos) {
    return MakeError(ErrorCode::kInvalidArgument, "the webhook URL needs a host and no user info");
  }
  // "[v6]:port", "[v6]", "host:port" or "host".
  std::string port_text;
  if (authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string::npos) return MakeError(ErrorCode::kInvalidArgument, "the webhook URL has a bad host");
    parsed.host = authority.substr(1, close - 1);
    const std::string rest_of_authority = authority.substr(close + 1);
    if (!rest_of_authority.empty()) {
      if (rest_of_authority.front() != ':') {
        return MakeError(ErrorCode::kInvalidArgument, "the webhook URL has a bad host");
      }
      port_text = rest_of_authority.substr(1);
    }
  } else {
    const std::size_t colon = authority.rfind(':');
    parsed.host = authority.substr(0, colon);
    if (colon != std::string::npos) port_text = authority.substr(colon + 1);
  }
  if (!port_text.empty() || authority.back() == ':') {
    unsigned value = 0;
    const auto result = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
    if (result.ec != std::errc() || result.ptr != port_text.data() + port_text.size() || value == 0 ||
        value > 65535) {
      return MakeError(ErrorCode::kInvalidArgument, "the webhook URL has a bad port");
    }
    parsed.port = static_cast<std::uint16_t>(value);
  }
  if (parsed.host.empty()) return MakeError(ErrorCode::kInvalidArgument, "the webhook URL needs a host");
  return parsed;
}

Result<int> SocketWebhookTransport::Post(const std::string& url,
                                         const core::warn::HttpHeaders& headers,
                                         const std::string& body) {
  auto parsed = ParseHttpUrl(url);
  if (!parsed) return tl::unexpected(parsed.error());
  const auto deadline = std::chrono::steady_clock::now() + timeout_;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(parsed->port);
  if (::getaddrinfo(parsed->host.c_str(), port.c_str(), &hints, &found) != 0 || found == nullptr) {
    return Unavailable("the webhook host does not resolve");
  }
  SocketGuard socket_guard;
  bool connected = false;
  for (addrinfo* candidate = found; candidate != nullptr && !connected; candidate = candidate->ai_next) {
    const int fd = ::socket(candidate->ai_family, candidate->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                            candidate->ai_protocol);
    if (fd < 0) continue;
    if (::connect(fd, candidate->ai_addr, candidate->ai_addrlen) == 0) {
      connected = true;
    } else if (errno == EINPROGRESS && WaitFor(fd, POLLOUT, deadline)) {
      int error = 0;
      socklen_t length = sizeof(error);
      connected = ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0;
    }
    if (connected) {
      socket_guard.fd = fd;
    } else {
      ::close(fd);
    }
  }
  ::freeaddrinfo(found);
  if (!connected) return Unavailable("could not connect to the webhook receiver");

  const bool v6 = parsed->host.find(':') != std::string::npos;
  const std::string host_header = (v6 ? "[" + parsed->host + "]" : parsed->host) + ":" + port;
  std::string request = "POST " + parsed->target + " HTTP/1.1\r\nHost: " + host_header +
                        "\r\nUser-Agent: vigil-webhook\r\nConnection: close\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  request += "\r\n" + body;
  std::size_t sent = 0;
  while (sent < request.size()) {
    if (!WaitFor(socket_guard.fd, POLLOUT, deadline)) return Unavailable("the webhook receiver timed out");
    const ssize_t wrote = ::send(socket_guard.fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (wrote < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return Unavailable("the connection to the webhook receiver broke while sending");
    }
    sent += static_cast<std::size_t>(wrote);
  }
  // Only the status line matters: read until it is complete.
  std::string answer;
  char buffer[1024];
  while (answer.find("\r\n") == std::string::npos && answer.size() < 8192) {
    if (!WaitFor(socket_guard.fd, POLLIN, deadline)) return Unavailable("the webhook receiver timed out");
    const ssize_t got = ::recv(socket_guard.fd, buffer, sizeof(buffer), 0);
    if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (got <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  // "HTTP/1.1 200 OK"
  if (!answer.starts_with("HTTP/1.") || answer.size() < 12) {
    return Unavailable("the webhook receiver gave no HTTP answer");
  }
  int status = 0;
  const auto result = std::from_chars(answer.data() + 9, answer.data() + 12, status);
  if (result.ec != std::errc() || status < 100 || status > 599) {
    return Unavailable("the webhook receiver gave an unreadable status line");
  }
  return status;
}

void ThreadSleeper::SleepFor(std::chrono::milliseconds duration) {
  std::this_thread::sleep_for(duration);
}

}  // namespace vigil::http
