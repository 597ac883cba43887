// One suite for every backend of the warn area and alert ports (memory and SQLite): alerts with
// their response log and deliveries, one open alert per area, compare-and-set state changes,
// area levels and admin boundaries.
#include <gtest/gtest.h>

#include <memory>

#include "storage/memory/warn_alert_stores.hpp"
#include "storage/sqlite/warn_alert_stores.hpp"

namespace vigil {
namespace {

using core::warn::Alert;
using core::warn::AlertState;
using core::warn::Level;

struct WarnBackend {
  std::unique_ptr<storage::sqlite::Database> db;  // null for memory
  std::unique_ptr<core::warn::AlertStore> alerts;
  std::unique_ptr<core::warn::AreaLevelStore> levels;
  std::unique_ptr<core::warn::BoundaryStore> boundaries;
};

struct MemoryWarn {
  static WarnBackend Make() {
    WarnBackend backend;
    backend.alerts = std::make_unique<storage::memory::MemoryAlertStore>();
    backend.levels = std::make_unique<storage::memory::MemoryAreaLevelStore>();
    backend.boundaries = std::make_unique<storage::memory::MemoryBoundaryStore>();
    return backend;
  }
};

struct SqliteWarn {
  static WarnBackend Make() {
    WarnBackend backend;
    backend.db = std::move(*storage::sqlite::Database::Open(":memory:"));
    if (!storage::sqlite::Migrate(*backend.db)) std::abort();
    backend.alerts = std::make_unique<storage::sqlite::SqliteAlertStore>(*backend.db);
    backend.levels = std::make_unique<storage::sqlite::SqliteAreaLevelStore>(*backend.db);
    backend.boundaries = std::make_unique<storage::sqlite::SqliteBoundaryStore>(*backend.db);
    return backend;
  }
};

template <typename Maker>
class WarnAlertStores : public ::testing::Test {
 protected:
  WarnBackend b_ = Maker::Make();
  Alert NewAlert(const std::string& area, std::optional<std::string> owner = "fp") {
    Alert alert;
    alert.area = area;
    alert.area_name = "Area " + area;
    alert.level = Level::kWarning;
    alert.owner = std::move(owner);
    alert.period = "2024-06";
    alert.indicators = {"conflict-events", "idp-stock"};
    alert.reasons = {"warning: two indicators, \"quoted\"", "conflict-events alarmed in 2024-06"};
    alert.opened_ms = 1000;
    alert.updated_ms = 1000;
    return alert;
  }
};

using Backends = ::testing::Types<MemoryWarn, SqliteWarn>;
TYPED_TEST_SUITE(WarnAlertStores, Backends);

TYPED_TEST(WarnAlertStores, AlertsRoundTripWithTheirLog) {
  auto id = this->b_.alerts->CreateAlert(this->NewAlert("XB01"), {1000, "cli", "opened", "level warning"});
  ASSERT_TRUE(id) << id.error().message;
  auto detail = this->b_.alerts->LoadAlert(*id);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->alert.id, *id);
  EXPECT_EQ(detail->alert.area_name, "Area XB01");
  EXPECT_EQ(detail->alert.owner, "fp");
  EXPECT_EQ(detail->alert.state, AlertState::kNew);
  EXPECT_EQ(detail->alert.indicators, (std::vector<std::string>{"conflict-events", "idp-stock"}));
  EXPECT_EQ(detail->alert.reasons[0], "warning: two indicators, \"quoted\"");
  ASSERT_EQ(detail->events.size(), 1u);
  EXPECT_EQ(detail->events[0].text, "level warning");
  EXPECT_EQ(this->b_.alerts->LoadAlert(*id + 100).error().code, ErrorCode::kNotFound);
  auto ownerless = this->b_.alerts->CreateAlert(this->NewAlert("XB02", std::nullopt), {1, "cli", "opened", ""});
  ASSERT_TRUE(ownerless);
  EXPECT_FALSE(this->b_.alerts->LoadAlert(*ownerless)->alert.owner.has_value());
}

TYPED_TEST(WarnAlertStores, OneOpenAlertPerArea) {
  auto first = this->b_.alerts->CreateAlert(this->NewAlert("XB01"), {1000, "cli", "opened", ""});
  ASSERT_TRUE(first);
  auto second = this->b_.alerts->CreateAlert(this->NewAlert("XB01"), {1000, "cli", "opened", ""});
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  auto open = this->b_.alerts->FindOpenAlert("XB01");
  ASSERT_TRUE(open && *open);
  EXPECT_EQ((*open)->id, *first);
  EXPECT_FALSE(*this->b_.alerts->FindOpenAlert("XB09"));
  // Once closed, the area may get a new alert.
  ASSERT_TRUE(this->b_.alerts->UpdateAlert(*first, AlertState::kNew, AlertState::kClosed, Level::kWarning,
                                           {2000, "coord", "closed", "done"}));
  EXPECT_FALSE(*this->b_.alerts->FindOpenAlert("XB01"));
  EXPECT_TRUE(this->b_.alerts->CreateAlert(this->NewAlert("XB01"), {3000, "cli", "opened", ""}));
}

TYPED_TEST(WarnAlertStores, UpdatesCompareTheStateAndAppendTheEvent) {
  auto id = *this->b_.alerts->CreateAlert(this->NewAlert("XB01"), {1000, "cli", "opened", ""});
  ASSERT_TRUE(this->b_.alerts->UpdateAlert(id, AlertState::kNew, AlertState::kAcknowledged, Level::kAlert,
                                           {2000, "fp", "acknowledged", ""}));
  auto stale = this->b_.alerts->UpdateAlert(id, AlertState::kNew, AlertState::kClosed, Level::kAlert,
                                            {3000, "fp", "closed", "x"});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(this->b_.alerts->UpdateAlert(999, AlertState::kNew, AlertState::kClosed, Level::kAlert,
                                         {3000, "fp", "closed", "x"})
                .error()
                .code,
            ErrorCode::kNotFound);
  auto detail = this->b_.alerts->LoadAlert(id);
  EXPECT_EQ(detail->alert.state, AlertState::kAcknowledged);
  EXPECT_EQ(detail->alert.level, Level::kAlert);
  EXPECT_EQ(detail->alert.updated_ms, 2000);
  ASSERT_EQ(detail->events.size(), 2u);
  EXPECT_EQ(detail->events[1].actor, "fp");
}

TYPED_TEST(WarnAlertStores, ListsNewestFirstAndByState) {
  auto a = *this->b_.alerts->CreateAlert(this->NewAlert("A"), {1, "cli", "opened", ""});
  auto b = *this->b_.alerts->CreateAlert(this->NewAlert("B"), {2, "cli", "opened", ""});
  ASSERT_TRUE(this->b_.alerts->UpdateAlert(a, AlertState::kNew, AlertState::kAcknowledged, Level::kWarning,
                                           {3, "fp", "acknowledged", ""}));
  auto all = this->b_.alerts->ListAlerts(std::nullopt);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->at(0).id, b);
  auto fresh = this->b_.alerts->ListAlerts(AlertState::kNew);
  ASSERT_EQ(fresh->size(), 1u);
  EXPECT_EQ(fresh->at(0).id, b);
  EXPECT_TRUE(this->b_.alerts->ListAlerts(AlertState::kClosed)->empty());
}

TYPED_TEST(WarnAlertStores, DeliveriesAreKeptInOrder) {
  auto id = *this->b_.alerts->CreateAlert(this->NewAlert("A"), {1, "cli", "opened", ""});
  ASSERT_TRUE(this->b_.alerts->SaveDelivery(id, {10, "failed", 3, 503, "the receiver answered 503"}));
  ASSERT_TRUE(this->b_.alerts->SaveDelivery(id, {20, "delivered", 1, 200, ""}));
  ASSERT_TRUE(this->b_.alerts->SaveDelivery(id, {30, "failed", 3, std::nullopt, "no answer"}));
  auto detail = this->b_.alerts->LoadAlert(id);
  ASSERT_EQ(detail->deliveries.size(), 3u);
  EXPECT_EQ(detail->deliveries[0].http_status, 503);
  EXPECT_EQ(detail->deliveries[1].outcome, "delivered");
  EXPECT_FALSE(detail->deliveries[2].http_status.has_value());
  EXPECT_EQ(this->b_.alerts->SaveDelivery(999, {1, "failed", 1, 500, ""}).error().code, ErrorCode::kNotFound);
}

TYPED_TEST(WarnAlertStores, AreaLevelsReplacePerArea) {
  ASSERT_TRUE(this->b_.levels->SaveAreaLevels({{"B", Level::kWatch, {"watch: 1 alarm"}, "2024-05", 10},
                                               {"A", Level::kNone, {}, "", 10}}));
  ASSERT_TRUE(this->b_.levels->SaveAreaLevels({{"B", Level::kWarning, {"w1", "w2"}, "2024-06", 20}}));
  auto records = this->b_.levels->LoadAreaLevels();
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ(records->at(0).area, "A");
  EXPECT_EQ(records->at(1).level, Level::kWarning);
  EXPECT_EQ(records->at(1).reasons, (std::vector<std::string>{"w1", "w2"}));
  EXPECT_EQ(records->at(1).evaluated_ms, 20);
}

TYPED_TEST(WarnAlertStores, BoundariesAreReplacedWholeOrNotAtAll) {
  const std::string square = R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})";
  ASSERT_TRUE(this->b_.boundaries->ReplaceBoundaries({{"XB02", "two", square}, {"XB01", "one", square}}, "f.geojson"));
  auto duplicate = this->b_.boundaries->ReplaceBoundaries({{"XB03", "", square}, {"XB03", "", square}}, "g");
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kInvalidArgument);
  auto loaded = this->b_.boundaries->LoadBoundaries();
  ASSERT_EQ(loaded->size(), 2u);  // the failed import left the earlier one intact
  EXPECT_EQ(loaded->at(0).pcode, "XB01");
  EXPECT_EQ(loaded->at(0).geometry_json, square);
  ASSERT_TRUE(this->b_.boundaries->ReplaceBoundaries({{"XB09", "nine", square}}, "h"));
  EXPECT_EQ(this->b_.boundaries->LoadBoundaries()->size(), 1u);
}

}  // namespace
}  // namespace vigil
