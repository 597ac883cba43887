#include "core/warn/webhook.hpp"

#include <sodium.h>

#include <array>

namespace vigil::core::warn {

std::string SignWebhookBody(std::string_view secret, std::string_view body) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                body.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  sodium_memzero(&state, sizeof(state));
  std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return "sha256=" + std::string(hex.data());
}

Delivery WebhookNotifier::Notify(const AlertNotification& notification) {
  const std::string body = render_(notification);
  const HttpHeaders headers = {
      {"Content-Type", "application/json"},
      {"X-Vigil-Event", notification.event},
      {"X-Vigil-Signature", SignWebhookBody(settings_.secret, body)},
  };
  Delivery delivery;
  std::chrono::milliseconds backoff = settings_.first_backoff;
  for (int attempt = 1; attempt <= settings_.attempts; ++attempt) {
    delivery.attempts = attempt;
    auto status = transport_.Post(settings_.url, headers, body);
    if (status) {
      delivery.http_status = *status;
      if (*status >= 200 && *status < 300) {
        delivery.outcome = "delivered";
        delivery.error.clear();
        delivery.time_ms = ToUnixMillis(clock_.Now());
        return delivery;
      }
      delivery.error = "the receiver answered " + std::to_string(*status);
      const bool final_refusal = *status >= 400 && *status < 500 && *status != 408 && *status != 429;
      if (final_refusal) break;
    } else {
      delivery.http_status.reset();
      delivery.error = status.error().message;
    }
    if (attempt < settings_.attempts) {
      sleeper_.SleepFor(backoff);
      backoff *= 2;
    }
  }
  delivery.outcome = "failed";
  delivery.time_ms = ToUnixMillis(clock_.Now());
  return delivery;
}

}  // namespace vigil::core::warn
