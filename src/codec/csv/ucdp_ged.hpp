// UCDP Georeferenced Event Dataset (GED) files → monthly conflict series per area: the number of
// events ("conflict-events") and the sum of the best fatality estimates ("conflict-fatalities").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "codec/csv/csv_reader.hpp"
#include "core/warn/series_check.hpp"

namespace vigil::codec::csv {

enum class UcdpLevel {
  kAdm1,  // area "<iso3>:<adm_1 as written by UCDP>"; events without adm_1 → "<iso3>:unlocated"
  kPrioGrid,  // area "pg:<priogrid_gid>"
};

struct UcdpImport {
  std::vector<core::warn::ImportedSeries> series;  // two per area, months first..last of the file
  std::int64_t events = 0;
  double fatalities = 0;  // Σ best
  std::int64_t areas = 0;
  std::int64_t months = 0;        // months from the first to the last event month
  std::int64_t event_months = 0;  // distinct months with at least one event
};

// Reads a GED CSV (header row; an HXL hashtag row right under it is skipped). Each event counts
// in the month of its date_start. Every area gets both series over the same span, from the
// file's first to its last event month, with 0 for months without events, so the series have no
// gaps. `source` is written on every observation. Errors (kInvalidArgument) name the line and
// the column: missing columns, a bad date_start, a best that is not a whole number ≥ 0, an empty
// iso3 / priogrid_gid.
[[nodiscard]] Result<UcdpImport> ParseUcdpGed(std::string_view text, UcdpLevel level,
                                              const std::string& source,
                                              const CsvProgress& progress = {});

}  // namespace vigil::codec::csv
