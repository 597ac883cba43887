// The one entry point that stores imported series (CLI `vigil warn import` and the API's
// POST /api/v1/warn/series/import): checks them against the catalogue, then writes all or none.
#pragma once

#include <cstdint>
#include <vector>

#include "core/common/error.hpp"
#include "core/warn/catalogue.hpp"
#include "core/warn/series.hpp"

namespace vigil::core::warn {

struct SeriesImportSummary {
  std::int64_t series = 0;   // series written
  std::int64_t periods = 0;  // observations written (new or replaced)
};

// Every series' indicator must be in `catalogue` with the same period kind, and the batch must
// hold at least one observation; kInvalidArgument (reason "invalid-series") names the series
// otherwise. Nothing is written unless every series is acceptable and the store commits them all.
[[nodiscard]] Result<SeriesImportSummary> SaveImportedSeries(SeriesStore& store,
                                                             const Catalogue& catalogue,
                                                             const std::vector<SeriesData>& series);

}  // namespace vigil::core::warn
