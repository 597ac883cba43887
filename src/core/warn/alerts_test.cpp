#include "core/warn/alerts.hpp"

#include <gtest/gtest.h>

#include "storage/memory/test_env.hpp"
#include "storage/memory/warn_alert_stores.hpp"

namespace vigil::core::warn {
namespace {

struct AlertsTest : ::testing::Test {
  storage::memory::TestEnv env;
  storage::memory::MemoryAlertStore store;
  AlertService service{store, env.audit, env.clock};
  const access::Actor run_actor{"cli", "admin", "run"};
  const access::Actor owner{"fp-north", "screener", "r1"};
  const access::Actor other{"someone", "screener", "r2"};
  const access::Actor coordinator{"coord", "coordinator", "r3"};

  RaiseRequest Request(Level level) {
    LevelOutcome outcome;
    outcome.level = level;
    outcome.reasons = {"warning: conflict-events alarmed 2 periods running (warning from 2)",
                       "conflict-events alarmed in 2024-05 and 2024-06"};
    outcome.alarming_indicators = {"conflict-events"};
    outcome.latest_period = "2024-06";
    return {"XB01", "Test North-West", "fp-north", outcome};
  }

  std::int64_t Open() {
    auto raised = service.Raise(run_actor, Level::kNone, Request(Level::kWarning));
    EXPECT_TRUE(raised && raised->kind == RaiseResult::Kind::kOpened);
    return raised->alert->id;
  }

  std::vector<std::string> AuditActions() {
    std::vector<std::string> actions;
    const auto entries = env.audit_store.LoadAudit(0, 1000);
    for (const auto& entry : *entries) {
      actions.push_back(entry.event.action + ":" + entry.event.outcome);
    }
    return actions;
  }
};

TEST_F(AlertsTest, RiseToWarningOpensOneAlertWithTheAreaOwner) {
  const std::int64_t id = Open();
  auto detail = service.Get(id);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->alert.state, AlertState::kNew);
  EXPECT_EQ(detail->alert.level, Level::kWarning);
  EXPECT_EQ(detail->alert.owner, "fp-north");
  EXPECT_EQ(detail->alert.period, "2024-06");
  EXPECT_EQ(detail->alert.indicators, std::vector<std::string>{"conflict-events"});
  ASSERT_EQ(detail->events.size(), 1u);
  EXPECT_EQ(detail->events[0].kind, "opened");
  // The same level again, and even a rise while the alert is open, opens no second alert.
  auto again = service.Raise(run_actor, Level::kNone, Request(Level::kWarning));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->kind, RaiseResult::Kind::kNone);
  EXPECT_EQ(service.List(std::nullopt)->size(), 1u);
  EXPECT_EQ(AuditActions(), std::vector<std::string>{"warn.alert.open:ok"});
}

TEST_F(AlertsTest, WatchOpensNothing) {
  auto raised = service.Raise(run_actor, Level::kNone, Request(Level::kWatch));
  ASSERT_TRUE(raised);
  EXPECT_EQ(raised->kind, RaiseResult::Kind::kNone);
  EXPECT_TRUE(service.List(std::nullopt)->empty());
}

TEST_F(AlertsTest, AHigherLevelEscalatesTheOpenAlert) {
  const std::int64_t id = Open();
  auto raised = service.Raise(run_actor, Level::kWarning, Request(Level::kAlert));
  ASSERT_TRUE(raised);
  EXPECT_EQ(raised->kind, RaiseResult::Kind::kEscalated);
  auto detail = service.Get(id);
  EXPECT_EQ(detail->alert.level, Level::kAlert);
  EXPECT_EQ(detail->events.back().kind, "escalated");
  EXPECT_EQ(service.List(std::nullopt)->size(), 1u);
}

TEST_F(AlertsTest, OwnerWalksTheLifecycle) {
  const std::int64_t id = Open();
  ASSERT_TRUE(service.Acknowledge(owner, id));
  auto acted = service.RecordAction(owner, id, "patrol requested");
  ASSERT_TRUE(acted);
  EXPECT_EQ(acted->alert.state, AlertState::kActionRecorded);
  ASSERT_TRUE(service.RecordAction(owner, id, "community network informed"));
  auto closed = service.Close(owner, id, "situation calmer after the patrol");
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->alert.state, AlertState::kClosed);
  std::vector<std::string> kinds;
  for (const auto& event : closed->events) kinds.push_back(event.kind + "/" + event.actor);
  EXPECT_EQ(kinds, (std::vector<std::string>{"opened/cli", "acknowledged/fp-north", "action/fp-north",
                                             "action/fp-north", "closed/fp-north"}));
  EXPECT_EQ(closed->events.back().text, "situation calmer after the patrol");
  EXPECT_EQ(AuditActions(),
            (std::vector<std::string>{"warn.alert.open:ok", "warn.alert.acknowledge:ok",
                                      "warn.alert.action:ok", "warn.alert.action:ok",
                                      "warn.alert.close:ok"}));
}

TEST_F(AlertsTest, InvalidTransitionsAreRefusedWithTheReason) {
  const std::int64_t id = Open();
  auto early_close = service.Close(owner, id, "nothing to do");
  ASSERT_FALSE(early_close);
  EXPECT_EQ(early_close.error().code, ErrorCode::kConflict);
  EXPECT_EQ(early_close.error().message, "alert " + std::to_string(id) + " is new; acknowledge it first");
  ASSERT_TRUE(service.Acknowledge(owner, id));
  auto twice = service.Acknowledge(owner, id);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(service.Close(owner, id, "false alarm: a data-entry error"));
  auto after_close = service.RecordAction(owner, id, "late action");
  ASSERT_FALSE(after_close);
  EXPECT_EQ(after_close.error().code, ErrorCode::kConflict);
  EXPECT_EQ(service.Get(id)->alert.state, AlertState::kClosed);
  EXPECT_EQ(AuditActions().back(), "warn.alert.action:error");
}

TEST_F(AlertsTest, OnlyOwnerCoordinatorOrAdminHandleIt) {
  const std::int64_t id = Open();
  auto refused = service.Acknowledge(other, id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service.Get(id)->alert.state, AlertState::kNew);
  EXPECT_EQ(AuditActions().back(), "warn.alert.acknowledge:forbidden");
  ASSERT_TRUE(service.Acknowledge(coordinator, id));
  // Notes are open to every caller the route admits.
  auto noted = service.AddNote(other, id, "market empty since Monday");
  ASSERT_TRUE(noted);
  EXPECT_EQ(noted->events.back().kind, "note");
  EXPECT_EQ(noted->alert.state, AlertState::kAcknowledged);
}

TEST_F(AlertsTest, TextIsRequiredAndBounded) {
  const std::int64_t id = Open();
  ASSERT_TRUE(service.Acknowledge(owner, id));
  auto empty = service.RecordAction(owner, id, "");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "text: required");
  auto long_text = service.AddNote(owner, id, std::string(kMaxAlertTextBytes + 1, 'x'));
  ASSERT_FALSE(long_text);
  EXPECT_EQ(long_text.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(service.Get(id)->events.size(), 2u);
}

TEST_F(AlertsTest, AfterClosingOnlyANewRiseOpensAnotherAlert) {
  const std::int64_t id = Open();
  ASSERT_TRUE(service.Acknowledge(owner, id));
  ASSERT_TRUE(service.Close(owner, id, "handled"));
  // Still warning at the next run: not a rise, so no new alert.
  auto same = service.Raise(run_actor, Level::kWarning, Request(Level::kWarning));
  ASSERT_TRUE(same);
  EXPECT_EQ(same->kind, RaiseResult::Kind::kNone);
  auto rise = service.Raise(run_actor, Level::kWarning, Request(Level::kAlert));
  ASSERT_TRUE(rise);
  EXPECT_EQ(rise->kind, RaiseResult::Kind::kOpened);
  EXPECT_NE(rise->alert->id, id);
  EXPECT_EQ(service.List(AlertState::kNew)->size(), 1u);
  EXPECT_EQ(service.List(AlertState::kClosed)->size(), 1u);
}

// A store that reports the insert lost a race against another run.
class RacingStore final : public AlertStore {
 public:
  Result<std::optional<Alert>> FindOpenAlert(const std::string&) override { return std::optional<Alert>(); }
  Result<std::int64_t> CreateAlert(const Alert&, const AlertEvent&) override {
    return MakeError(ErrorCode::kConflict, "area XB01 already has an open alert", "conflict");
  }
  Result<AlertDetail> LoadAlert(std::int64_t id) override { return inner_.LoadAlert(id); }
  Result<std::vector<Alert>> ListAlerts(std::optional<AlertState> state) override {
    return inner_.ListAlerts(state);
  }
  Status UpdateAlert(std::int64_t id, AlertState expected, AlertState next, Level level,
                     const AlertEvent& event) override {
    return inner_.UpdateAlert(id, expected, next, level, event);
  }
  Status SaveDelivery(std::int64_t id, const Delivery& delivery) override {
    return inner_.SaveDelivery(id, delivery);
  }

 private:
  storage::memory::MemoryAlertStore inner_;
};

TEST_F(AlertsTest, LosingARaceToAnotherRunIsNotAnError) {
  RacingStore racing;
  AlertService racing_service(racing, env.audit, env.clock);
  auto raised = racing_service.Raise(run_actor, Level::kNone, Request(Level::kWarning));
  ASSERT_TRUE(raised) << raised.error().message;
  EXPECT_EQ(raised->kind, RaiseResult::Kind::kNone);
}

TEST_F(AlertsTest, UnknownAlertIsNotFound) {
  auto missing = service.Acknowledge(owner, 999);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace vigil::core::warn
