#include "core/warn/webhook.hpp"

#include <gtest/gtest.h>

#include <sodium.h>

namespace vigil::core::warn {
namespace {

// Answers with the scripted statuses in turn (0 = no answer) and records what it was sent.
class ScriptedTransport final : public WebhookTransport {
 public:
  explicit ScriptedTransport(std::vector<int> statuses) : statuses_(std::move(statuses)) {}
  Result<int> Post(const std::string& url, const HttpHeaders& headers,
                   const std::string& body) override {
    urls.push_back(url);
    sent_headers = headers;
    bodies.push_back(body);
    const int status = statuses_.at(bodies.size() - 1);
    if (status == 0) return MakeError(ErrorCode::kUnavailable, "could not connect to the webhook receiver");
    return status;
  }
  std::vector<std::string> urls;
  std::vector<std::string> bodies;
  HttpHeaders sent_headers;

 private:
  std::vector<int> statuses_;
};

class RecordingSleeper final : public Sleeper {
 public:
  void SleepFor(std::chrono::milliseconds duration) override { waits.push_back(duration.count()); }
  std::vector<long long> waits;
};

struct WebhookTest : ::testing::Test {
  void SetUp() override { ASSERT_GE(sodium_init(), 0); }
  FakeClock clock;
  RecordingSleeper sleeper;
  AlertNotification notification{"alert.opened", {}, "/app/#/warn/alerts/7"};
  WebhookSettings settings{"http://127.0.0.1:9/hook", "s3cret-value", 3, std::chrono::milliseconds(500)};
  static std::string Render(const AlertNotification& n) { return "{\"alert_id\":" + std::to_string(n.alert.id) + "}"; }
};

TEST_F(WebhookTest, SignatureIsHmacSha256OfTheBody) {
  // RFC 4231, test case 2.
  EXPECT_EQ(SignWebhookBody("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_F(WebhookTest, RetriesWithDoublingBackoffUntilDelivered) {
  ScriptedTransport transport({500, 0, 200});
  WebhookNotifier notifier(settings, transport, sleeper, clock, &Render);
  notification.alert.id = 7;
  const Delivery delivery = notifier.Notify(notification);
  EXPECT_EQ(delivery.outcome, "delivered");
  EXPECT_EQ(delivery.attempts, 3);
  EXPECT_EQ(delivery.http_status, 200);
  EXPECT_EQ(sleeper.waits, (std::vector<long long>{500, 1000}));
  ASSERT_EQ(transport.bodies.size(), 3u);
  EXPECT_EQ(transport.bodies[0], "{\"alert_id\":7}");
  std::string signature;
  for (const auto& [name, value] : transport.sent_headers) {
    if (name == "X-Vigil-Signature") signature = value;
    EXPECT_EQ(value.find("s3cret-value"), std::string::npos) << name;
  }
  EXPECT_EQ(signature, SignWebhookBody("s3cret-value", "{\"alert_id\":7}"));
}

TEST_F(WebhookTest, GivesUpAfterTheAttemptsAndSaysWhy) {
  ScriptedTransport transport({503, 503, 503});
  WebhookNotifier notifier(settings, transport, sleeper, clock, &Render);
  const Delivery delivery = notifier.Notify(notification);
  EXPECT_EQ(delivery.outcome, "failed");
  EXPECT_EQ(delivery.attempts, 3);
  EXPECT_EQ(delivery.error, "the receiver answered 503");
  EXPECT_EQ(sleeper.waits.size(), 2u);
}

TEST_F(WebhookTest, AClientErrorIsNotRetried) {
  ScriptedTransport transport({401, 200});
  WebhookNotifier notifier(settings, transport, sleeper, clock, &Render);
  const Delivery delivery = notifier.Notify(notification);
  EXPECT_EQ(delivery.outcome, "failed");
  EXPECT_EQ(delivery.attempts, 1);
  EXPECT_EQ(delivery.http_status, 401);
  EXPECT_TRUE(sleeper.waits.empty());
}

TEST_F(WebhookTest, NoAnswerAtAllIsRecorded) {
  ScriptedTransport transport({0, 0, 0});
  WebhookNotifier notifier(settings, transport, sleeper, clock, &Render);
  const Delivery delivery = notifier.Notify(notification);
  EXPECT_EQ(delivery.outcome, "failed");
  EXPECT_FALSE(delivery.http_status.has_value());
  EXPECT_EQ(delivery.error, "could not connect to the webhook receiver");
}

}  // namespace
}  // namespace vigil::core::warn
