// Settings of a Vigil process. Precedence: defaults < YAML file (--config) < environment
// (VIGIL_*) < command-line flags; the CLI fills this struct.
#pragma once

#include <cstddef>
#include <string>

namespace vigil::app {

struct Settings {
  std::string listen = "127.0.0.1:8080";
  std::string db = "./var/vigil.db";
  std::string data = "./data";
  std::string key_file;  // empty: "<db>.key"
  std::string web = "./web/dist";
  std::string log_level = "info";
  std::size_t threads = 2;
  std::size_t max_body = 64 * 1024;
  bool trust_proxy = false;
  bool cookie_secure = false;
  // Warn alert notification by webhook (off while the URL is empty); the secret is never logged.
  std::string warn_webhook_url;
  std::string warn_webhook_secret;
  int warn_webhook_attempts = 3;
  int warn_webhook_backoff_ms = 500;

  [[nodiscard]] std::string KeyFilePath() const { return key_file.empty() ? db + ".key" : key_file; }
  // The audit chain head lives beside the key file, outside the database.
  [[nodiscard]] std::string AuditHeadPath() const { return KeyFilePath() + ".audit-head"; }
};

}  // namespace vigil::app

#include <cstdint>
#include <string_view>

#include "core/common/error.hpp"

namespace vigil::app {

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

// Parses "HOST:PORT" or "[IPv6]:PORT". kInvalidArgument naming the problem otherwise.
[[nodiscard]] Result<ListenAddress> ParseListen(std::string_view text);

}  // namespace vigil::app
