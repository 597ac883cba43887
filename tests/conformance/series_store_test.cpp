// The warn SeriesStore suite, run on every backend (memory and SQLite): both must behave the same.
#include <gtest/gtest.h>

#include <memory>

#include "storage/memory/series_store.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sqlite/series_store.hpp"

namespace vigil {
namespace {

using core::warn::Observation;
using core::warn::PeriodKind;
using core::warn::SeriesKey;

struct SeriesBackend {
  std::unique_ptr<storage::sqlite::Database> db;
  std::unique_ptr<core::warn::SeriesStore> store;
};

struct MemorySeries {
  static SeriesBackend Make() {
    return {nullptr, std::make_unique<storage::memory::MemorySeriesStore>()};
  }
};

struct SqliteSeries {
  static SeriesBackend Make() {
    SeriesBackend backend;
    backend.db = std::move(*storage::sqlite::Database::Open(":memory:"));
    if (!storage::sqlite::Migrate(*backend.db)) std::abort();
    backend.store = std::make_unique<storage::sqlite::SqliteSeriesStore>(*backend.db);
    return backend;
  }
};

template <typename Maker>
class SeriesStores : public ::testing::Test {
 protected:
  SeriesBackend b_ = Maker::Make();
  core::warn::SeriesStore& store() { return *b_.store; }
};

using Backends = ::testing::Types<MemorySeries, SqliteSeries>;
TYPED_TEST_SUITE(SeriesStores, Backends);

const SeriesKey kEvents{"BGD:Dhaka Division", "conflict-events", PeriodKind::kMonth};

TYPED_TEST(SeriesStores, UpsertThenGetInPeriodOrder) {
  auto written = this->store().Upsert(kEvents, {{"2016-07", 4, "ucdp"}, {"2016-06", 0.1, "ucdp"}});
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(*written, 2);
  auto got = this->store().Get(kEvents);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].period, "2016-06");
  EXPECT_EQ((*got)[0].value, 0.1);  // exact round trip
  EXPECT_EQ((*got)[1].value, 4);
  EXPECT_EQ((*got)[1].source, "ucdp");
}

TYPED_TEST(SeriesStores, UpsertReplacesPeriodsAndKeepsOthers) {
  ASSERT_TRUE(this->store().Upsert(kEvents, {{"2016-06", 1, "a"}, {"2016-07", 2, "a"}}));
  ASSERT_TRUE(this->store().Upsert(kEvents, {{"2016-07", 5, "b"}, {"2016-08", 6, "b"}}));
  auto got = this->store().Get(kEvents);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 3u);
  EXPECT_EQ((*got)[1].value, 5);
  EXPECT_EQ((*got)[1].source, "b");
  EXPECT_EQ((*got)[0].source, "a");
}

TYPED_TEST(SeriesStores, MissingSeriesIsNotFound) {
  auto got = this->store().Get(kEvents);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
  // The period kind is part of the key.
  ASSERT_TRUE(this->store().Upsert(kEvents, {{"2016-06", 1, "a"}}));
  EXPECT_FALSE(this->store().Get({kEvents.area, kEvents.indicator, PeriodKind::kWeek}));
  EXPECT_EQ(this->store().Remove({"X", "y", PeriodKind::kDay}).error().code, ErrorCode::kNotFound);
}

TYPED_TEST(SeriesStores, ListsSummariesFilteredByArea) {
  ASSERT_TRUE(this->store().Upsert(
      kEvents, {{"2016-06", 1, "a"}, {"2016-07", 2, "a"}, {"2016-08", 0, "a"}}));
  ASSERT_TRUE(
      this->store().Upsert({"AFG", "idp-stock", PeriodKind::kMonth}, {{"2017-03", 246362, "dtm"}}));
  auto all = this->store().List(std::nullopt);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].key.area, "AFG");
  EXPECT_EQ((*all)[1].points, 3);
  EXPECT_EQ((*all)[1].first_period, "2016-06");
  EXPECT_EQ((*all)[1].last_period, "2016-08");
  auto one = this->store().List(std::string("AFG"));
  ASSERT_TRUE(one);
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].key.indicator, "idp-stock");
  EXPECT_TRUE(this->store().List(std::string("nowhere"))->empty());
}

TYPED_TEST(SeriesStores, UpsertAllIsAllOrNothing) {
  ASSERT_TRUE(this->store().Upsert(kEvents, {{"2016-06", 1, "a"}}));
  std::vector<core::warn::SeriesData> batch = {
      {kEvents, {{"2016-06", 9, "new"}, {"2016-07", 9, "new"}}},
      {{"AFG", "idp-stock", PeriodKind::kMonth}, {{"2017-03", -1, "bad"}}},
  };
  EXPECT_FALSE(this->store().UpsertAll(batch));
  auto got = this->store().Get(kEvents);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].value, 1);
  EXPECT_FALSE(this->store().Get({"AFG", "idp-stock", PeriodKind::kMonth}));
  batch[1].observations[0].value = 10;
  auto written = this->store().UpsertAll(batch);
  ASSERT_TRUE(written);
  EXPECT_EQ(*written, 3);
}

TYPED_TEST(SeriesStores, RemoveDeletesTheSeries) {
  ASSERT_TRUE(this->store().Upsert(kEvents, {{"2016-06", 1, "a"}}));
  ASSERT_TRUE(this->store().Remove(kEvents));
  EXPECT_FALSE(this->store().Get(kEvents));
  EXPECT_TRUE(this->store().List(std::nullopt)->empty());
}

}  // namespace
}  // namespace vigil
