// Notification of alerts by webhook: a JSON body POSTed to a configured URL, signed with
// HMAC-SHA256 over the exact body bytes (header `X-Vigil-Signature: sha256=<hex>`), retried with
// a doubling backoff. The HTTP client and the waiting are ports, so the core stays testable.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/error.hpp"
#include "core/warn/alerts.hpp"

namespace vigil::core::warn {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// Sends one HTTP POST. Returns the response status, or an error (kUnavailable) when no response
// came (refused connection, timeout, unsupported URL scheme).
class WebhookTransport {
 public:
  virtual ~WebhookTransport() = default;
  [[nodiscard]] virtual Result<int> Post(const std::string& url, const HttpHeaders& headers,
                                         const std::string& body) = 0;
};

// Waits between attempts; tests pass one that only records.
class Sleeper {
 public:
  virtual ~Sleeper() = default;
  virtual void SleepFor(std::chrono::milliseconds duration) = 0;
};

struct WebhookSettings {
  std::string url;     // empty: notification is off
  std::string secret;  // the HMAC key; never logged, never stored with deliveries
  int attempts = 3;    // in all, the first one included
  std::chrono::milliseconds first_backoff{500};  // doubled after each failed attempt
};

// What a notification says; no personal data: the area, level, reasons, indicators, period, the
// alert's id and a link into the web app.
struct AlertNotification {
  std::string event;  // "alert.opened" or "alert.escalated"
  Alert alert;
  std::string link;   // e.g. "/app/#/warn/alerts/3"
};

// "sha256=" + lowercase hex of HMAC-SHA256(secret, body).
[[nodiscard]] std::string SignWebhookBody(std::string_view secret, std::string_view body);

class WebhookNotifier {
 public:
  using Renderer = std::function<std::string(const AlertNotification&)>;
  // REQUIRES: settings.url is not empty, settings.attempts ≥ 1.
  WebhookNotifier(WebhookSettings settings, WebhookTransport& transport, Sleeper& sleeper,
                  const Clock& clock, Renderer render)
      : settings_(std::move(settings)),
        transport_(transport),
        sleeper_(sleeper),
        clock_(clock),
        render_(std::move(render)) {}

  // Posts the notification until a 2xx answer or the attempts run out; a 4xx other than 408 and
  // 429 is not retried (the receiver refuses the message itself). Returns the delivery record.
  [[nodiscard]] Delivery Notify(const AlertNotification& notification);

 private:
  WebhookSettings settings_;
  WebhookTransport& transport_;
  Sleeper& sleeper_;
  const Clock& clock_;
  Renderer render_;
};

}  // namespace vigil::core::warn
