// The socket layer: RESTinio on standalone Asio, converting to and from http::Request and
// http::Response. The only translation unit that includes RESTinio.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "core/common/error.hpp"
#include "core/common/random.hpp"
#include "http/api.hpp"
#include "log/log.hpp"

namespace vigil::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t threads = 2;
  std::size_t max_connections = 1024;
  // Bodies above this are cut off by the parser (connection closed); bodies between the API's
  // limit and this one get a 413 problem+json.
  std::uint64_t hard_body_limit = 1024 * 1024;
  std::size_t max_url_bytes = 8 * 1024;
  std::size_t max_header_value_bytes = 8 * 1024;
  std::size_t max_header_count = 100;
  std::chrono::milliseconds read_timeout = std::chrono::seconds(15);
  std::chrono::milliseconds write_timeout = std::chrono::seconds(15);
  std::chrono::milliseconds handle_timeout = std::chrono::seconds(30);
  std::chrono::milliseconds drain_timeout = std::chrono::seconds(10);
  // Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of Vigil.
  bool trust_proxy = false;
};

// Serves `api` until SIGINT or SIGTERM, then stops accepting, lets in-flight requests finish
// (up to drain_timeout) and returns. `on_listening` runs once the socket is bound.
// kUnavailable when the address cannot be bound.
[[nodiscard]] Status Serve(Api& api, const ServerOptions& options, log::Logger& logger,
                           Random& random, const std::function<void()>& on_listening);

}  // namespace vigil::http
