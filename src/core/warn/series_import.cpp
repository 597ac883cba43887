#include "core/warn/series_import.hpp"

#include "core/warn/period.hpp"

namespace vigil::core::warn {

Result<SeriesImportSummary> SaveImportedSeries(SeriesStore& store, const Catalogue& catalogue,
                                               const std::vector<SeriesData>& series) {
  SeriesImportSummary summary;
  for (const SeriesData& one : series) {
    const Indicator* indicator = catalogue.Find(one.key.indicator);
    if (indicator == nullptr) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "indicator \"" + one.key.indicator +
                           "\" is not in the catalogue (data/warn/indicators.yaml)",
                       "invalid-series");
    }
    if (indicator->period != one.key.period) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "indicator \"" + one.key.indicator + "\" is kept per " +
                           std::string(PeriodKindName(indicator->period)) + ", the data is per " +
                           std::string(PeriodKindName(one.key.period)),
                       "invalid-series");
    }
    summary.periods += static_cast<std::int64_t>(one.observations.size());
  }
  if (summary.periods == 0) {
    return MakeError(ErrorCode::kInvalidArgument, "the file has no observations", "invalid-series");
  }
  auto written = store.UpsertAll(series);
  if (!written) return tl::unexpected(written.error());
  summary.series = static_cast<std::int64_t>(series.size());
  summary.periods = *written;
  return summary;
}

}  // namespace vigil::core::warn
