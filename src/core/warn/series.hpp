// Early-warning series: one count per area × indicator × period, each with its source. Areas are
// ISO 3166-1 alpha-3 country codes, then admin codes / P-codes below them (e.g. "AFG",
// "AF01", "AF0101"); indicators come from the catalogue (data/warn/indicators.yaml).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"

namespace vigil::core::warn {

enum class PeriodKind { kDay, kWeek, kMonth };

// Canonical period labels: "2024-03-05" (day), "2024-W09" (ISO week), "2024-03" (month).
struct PeriodLabel {
  PeriodKind kind = PeriodKind::kMonth;
  std::string text;
};

struct SeriesKey {
  std::string area;       // "BGD", "BD40", a PRIO-GRID cell "pg:149826", …
  std::string indicator;  // catalogue id, e.g. "conflict-events"
  PeriodKind period = PeriodKind::kMonth;
};

struct Observation {
  std::string period;  // canonical label of the key's period kind
  double value = 0;    // a count or measure ≥ 0
  std::string source;  // where the value came from (file name, dataset id, "manual")
};

// One series with its observations (imports, exports and batch writes).
struct SeriesData {
  SeriesKey key;
  std::vector<Observation> observations;
};

struct SeriesSummary {
  SeriesKey key;
  std::int64_t points = 0;
  std::string first_period;
  std::string last_period;
};

// Port implemented by storage/sqlite and storage/memory.
class SeriesStore {
 public:
  virtual ~SeriesStore() = default;
  // Inserts or replaces the observations of one series atomically (all or none); returns how
  // many periods were written.
  [[nodiscard]] virtual Result<std::int64_t> Upsert(const SeriesKey& key,
                                                    const std::vector<Observation>& observations) = 0;
  // Observations ordered by period; not_found when the series does not exist.
  [[nodiscard]] virtual Result<std::vector<Observation>> Get(const SeriesKey& key) = 0;
  [[nodiscard]] virtual Result<std::vector<SeriesSummary>> List(const std::optional<std::string>& area) = 0;
  [[nodiscard]] virtual Status Remove(const SeriesKey& key) = 0;
  // Upserts several series in one transaction: either every series is written or none is (an
  // import must not leave half a file behind). Returns the total number of periods written.
  [[nodiscard]] virtual Result<std::int64_t> UpsertAll(const std::vector<SeriesData>& series) = 0;
};

}  // namespace vigil::core::warn
