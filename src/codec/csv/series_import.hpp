// Reads a series file in any of the import formats into series ready for
// core::warn::SaveImportedSeries: tidy and HXL rows go through core::warn::ValidateSeriesRows;
// UCDP GED and IOM DTM files are aggregated by their own rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/csv/csv_reader.hpp"
#include "codec/csv/ucdp_ged.hpp"
#include "core/warn/catalogue.hpp"
#include "core/warn/series.hpp"

namespace vigil::codec::csv {

enum class SeriesFormat { kTidy, kHxl, kUcdpGed, kIomDtm };

// "tidy", "hxl", "ucdp-ged", "iom-dtm".
[[nodiscard]] std::optional<SeriesFormat> ParseSeriesFormat(std::string_view name);

struct SeriesFileOptions {
  std::string source;  // default source of tidy/HXL rows; source of UCDP/DTM data
  UcdpLevel ucdp_level = UcdpLevel::kAdm1;
  std::optional<int> dtm_admin_level;  // nullopt: every level
};

struct SeriesFile {
  std::vector<core::warn::SeriesData> series;
  std::vector<std::string> notes;  // what the aggregation did (events read, months carried, …)
};

// Errors (kInvalidArgument) name the line and the reason; nothing is partially returned.
[[nodiscard]] Result<SeriesFile> ReadSeriesFile(SeriesFormat format, std::string_view text,
                                                const core::warn::Catalogue& catalogue,
                                                const SeriesFileOptions& options,
                                                const CsvProgress& progress = {});

}  // namespace vigil::codec::csv
