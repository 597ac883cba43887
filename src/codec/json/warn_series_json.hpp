// JSON of the warn series API: the indicator catalogue, series lists and points, and the import
// request and its summary. nlohmann stays in the .cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/warn/catalogue.hpp"
#include "core/warn/series.hpp"
#include "core/warn/series_import.hpp"

namespace vigil::codec::json {

// {"items": [{"id", "family", "name", "unit", "period", "detector", "params": {…},
//   "source": {"key", "url"}, "verified", "description"}]}
[[nodiscard]] std::string RenderIndicatorList(const core::warn::Catalogue& catalogue);

// {"items": [{"area", "indicator", "period", "points", "first_period", "last_period"}]}
[[nodiscard]] std::string RenderSeriesList(const std::vector<core::warn::SeriesSummary>& series);

// {"area", "indicator", "period", "unit", "points": [{"period", "value", "source"}]}
[[nodiscard]] std::string RenderSeriesPoints(
    const core::warn::SeriesKey& key, std::string_view unit,
    const std::vector<core::warn::Observation>& observations);

struct SeriesImportRequest {
  std::string format;  // "tidy" or "hxl"
  std::string csv;
  std::string source;  // optional default source for rows without one
};
// {"format": "tidy"|"hxl", "csv": "<text>", "source"?: "…"}; errors name the member.
[[nodiscard]] Result<SeriesImportRequest> ParseSeriesImportRequest(std::string_view body);

// {"series": N, "periods": N, "notes": […]}
[[nodiscard]] std::string RenderSeriesImportSummary(const core::warn::SeriesImportSummary& summary,
                                                    const std::vector<std::string>& notes);

}  // namespace vigil::codec::json
