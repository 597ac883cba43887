#include "core/warn/warn_service.hpp"

#include <gtest/gtest.h>

#include <sodium.h>

#include "storage/memory/series_store.hpp"
#include "storage/memory/test_env.hpp"
#include "storage/memory/warn_alert_stores.hpp"

namespace vigil::core::warn {
namespace {

class OkAfterOneFailure final : public WebhookTransport {
 public:
  Result<int> Post(const std::string&, const HttpHeaders&, const std::string& body) override {
    bodies.push_back(body);
    return bodies.size() == 1 ? 500 : 200;
  }
  std::vector<std::string> bodies;
};

class NoWait final : public Sleeper {
 public:
  void SleepFor(std::chrono::milliseconds) override {}
};

IndicatorDraft Draft(const std::string& id, const std::string& family, const std::string& threshold) {
  IndicatorDraft draft;
  draft.id = id;
  draft.family = family;
  draft.name = id;
  draft.unit = "count";
  draft.period = "month";
  draft.detector = "threshold";
  draft.params = {{"threshold", threshold}};
  draft.source_key = "test";
  draft.source_url = "https://example.org/test";
  return draft;
}

std::vector<Observation> Months(const std::vector<double>& values) {
  std::vector<Observation> observations;
  for (std::size_t month_idx = 0; month_idx < values.size(); ++month_idx) {
    observations.push_back({"2024-0" + std::to_string(month_idx + 1), values[month_idx], "test"});
  }
  return observations;
}

struct WarnServiceTest : ::testing::Test {
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    auto catalogue = ValidateCatalogue({Draft("conflict-events", "armed-group-conduct", "10"),
                                        Draft("idp-stock", "displacement", "100")},
                                       "test.yaml");
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    config.catalogue = std::move(*catalogue);
    config.areas = {{"XB01", "Test North-West", std::nullopt, 0, "fp-north",
                     {"conflict-events", "idp-stock"}, "test fixture", false},
                    {"XB02", "Test North-East", std::nullopt, 0, std::nullopt, {"idp-stock"},
                     "test fixture", false}};
    ASSERT_TRUE(series.Upsert({"XB01", "conflict-events", PeriodKind::kMonth},
                              Months({1, 2, 3, 4, 20, 30})));
  }

  storage::memory::TestEnv env;
  WarnConfig config;
  storage::memory::MemorySeriesStore series;
  storage::memory::MemoryAreaLevelStore levels;
  storage::memory::MemoryAlertStore alert_store;
  AlertService alerts{alert_store, env.audit, env.clock};
  OkAfterOneFailure transport;
  NoWait sleeper;
  const access::Actor actor{"analyst-1", "analyst", "req"};
};

TEST_F(WarnServiceTest, AreaTurnsToWarningOpensAnAlertAndNotifies) {
  WebhookNotifier notifier({"http://127.0.0.1:9/hook", "k", 3, std::chrono::milliseconds(1)}, transport,
                           sleeper, env.clock,
                           [](const AlertNotification& n) { return std::to_string(n.alert.id) + n.link; });
  WarnService service(config, series, levels, alerts, alert_store, &notifier, env.audit, env.clock);
  std::vector<std::string> progress;
  auto summary = service.Run(actor, [&](std::string_view line) { progress.emplace_back(line); });
  ASSERT_TRUE(summary) << summary.error().message;
  ASSERT_EQ(summary->areas.size(), 2u);
  const AreaRun& north = summary->areas[0];
  EXPECT_EQ(north.level, Level::kWarning);
  EXPECT_EQ(north.previous_level, Level::kNone);
  EXPECT_EQ(north.reasons[0], "warning: conflict-events alarmed 2 periods running (warning from 2)");
  EXPECT_EQ(north.reasons[1], "conflict-events alarmed in 2024-05 and 2024-06");
  ASSERT_EQ(north.indicators.size(), 2u);
  EXPECT_EQ(north.indicators[0].alarms, (std::vector<std::string>{"2024-05", "2024-06"}));
  EXPECT_EQ(north.indicators[0].last_period, "2024-06");
  EXPECT_EQ(north.indicators[1].problem, "no series for this area and indicator");
  ASSERT_TRUE(north.alert_opened);
  EXPECT_EQ(summary->areas[1].level, Level::kNone);
  EXPECT_FALSE(summary->areas[1].alert_opened);
  EXPECT_EQ(progress.size(), 3u);  // two areas and one notification

  auto detail = alerts.Get(*north.alert_opened);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->alert.owner, "fp-north");
  ASSERT_EQ(detail->deliveries.size(), 1u);
  EXPECT_EQ(detail->deliveries[0].outcome, "delivered");
  EXPECT_EQ(detail->deliveries[0].attempts, 2);
  ASSERT_EQ(summary->notifications.size(), 1u);
  EXPECT_EQ(transport.bodies.back(), std::to_string(*north.alert_opened) + "/app/#/warn/alerts/" +
                                         std::to_string(*north.alert_opened));

  auto stored = levels.LoadAreaLevels();
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ(stored->at(0).level, Level::kWarning);
  EXPECT_EQ(stored->at(0).period, "2024-06");
}

TEST_F(WarnServiceTest, ASecondRunRaisesNothingNew) {
  WarnService service(config, series, levels, alerts, alert_store, nullptr, env.audit, env.clock);
  ASSERT_TRUE(service.Run(actor, nullptr));
  auto second = service.Run(actor, nullptr);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->areas[0].previous_level, Level::kWarning);
  EXPECT_EQ(second->areas[0].level, Level::kWarning);
  EXPECT_TRUE(second->alerts_opened.empty());
  EXPECT_EQ(alerts.List(std::nullopt)->size(), 1u);
  std::size_t runs = 0;
  const auto entries = env.audit_store.LoadAudit(0, 100);
  for (const auto& entry : *entries) runs += entry.event.action == "warn.run";
  EXPECT_EQ(runs, 2u);
}

TEST_F(WarnServiceTest, CriticalFamilyMakesItAnAlert) {
  config.rule.critical_families = {"armed-group-conduct"};
  WarnService service(config, series, levels, alerts, alert_store, nullptr, env.audit, env.clock);
  auto summary = service.Run(actor, nullptr);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->areas[0].level, Level::kAlert);
  EXPECT_EQ(alerts.Get(*summary->areas[0].alert_opened)->alert.level, Level::kAlert);
}

}  // namespace
}  // namespace vigil::core::warn
