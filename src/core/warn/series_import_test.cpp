#include "core/warn/series_import.hpp"

#include <gtest/gtest.h>

#include "storage/memory/series_store.hpp"

namespace vigil::core::warn {
namespace {

Catalogue TestCatalogue() {
  IndicatorDraft draft{.line = 1,
                       .id = "conflict-events",
                       .family = "armed-group-conduct",
                       .name = "n",
                       .unit = "events",
                       .period = "month",
                       .detector = "noufaily",
                       .params = {},
                       .source_key = "S5",
                       .source_url = "https://example.org",
                       .verified = true,
                       .description = {}};
  return *ValidateCatalogue({draft}, "t.yaml");
}

TEST(SeriesImport, WritesEverySeries) {
  storage::memory::MemorySeriesStore store;
  const Catalogue catalogue = TestCatalogue();
  auto summary = SaveImportedSeries(
      store, catalogue,
      {{{"A", "conflict-events", PeriodKind::kMonth}, {{"2024-01", 1, "s"}, {"2024-02", 0, "s"}}},
       {{"B", "conflict-events", PeriodKind::kMonth}, {{"2024-01", 3, "s"}}}});
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->series, 2);
  EXPECT_EQ(summary->periods, 3);
  EXPECT_EQ(store.List(std::nullopt)->size(), 2u);
}

TEST(SeriesImport, RefusesUnknownIndicatorsAndWrongKindsWritingNothing) {
  storage::memory::MemorySeriesStore store;
  const Catalogue catalogue = TestCatalogue();
  auto unknown =
      SaveImportedSeries(store, catalogue,
                         {{{"A", "conflict-events", PeriodKind::kMonth}, {{"2024-01", 1, "s"}}},
                          {{"A", "idp-stock", PeriodKind::kMonth}, {{"2024-01", 1, "s"}}}});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("\"idp-stock\" is not in the catalogue"),
            std::string::npos);
  auto weekly = SaveImportedSeries(
      store, catalogue, {{{"A", "conflict-events", PeriodKind::kWeek}, {{"2024-W01", 1, "s"}}}});
  ASSERT_FALSE(weekly);
  EXPECT_NE(weekly.error().message.find("kept per month, the data is per week"), std::string::npos);
  EXPECT_FALSE(SaveImportedSeries(store, catalogue, {}));
  EXPECT_TRUE(store.List(std::nullopt)->empty());
}

}  // namespace
}  // namespace vigil::core::warn
