#include "codec/csv/series_import.hpp"

#include "codec/csv/iom_dtm.hpp"
#include "codec/csv/series_csv.hpp"
#include "core/warn/series_check.hpp"

namespace vigil::codec::csv {

std::optional<SeriesFormat> ParseSeriesFormat(std::string_view name) {
  if (name == "tidy") return SeriesFormat::kTidy;
  if (name == "hxl") return SeriesFormat::kHxl;
  if (name == "ucdp-ged") return SeriesFormat::kUcdpGed;
  if (name == "iom-dtm") return SeriesFormat::kIomDtm;
  return std::nullopt;
}

Result<SeriesFile> ReadSeriesFile(SeriesFormat format, std::string_view text,
                                  const core::warn::Catalogue& catalogue,
                                  const SeriesFileOptions& options, const CsvProgress& progress) {
  SeriesFile file;
  switch (format) {
    case SeriesFormat::kTidy:
    case SeriesFormat::kHxl: {
      auto rows = format == SeriesFormat::kTidy ? ParseTidySeriesCsv(text, progress)
                                                : ParseHxlSeriesCsv(text, progress);
      if (!rows) return tl::unexpected(rows.error());
      auto series =
          core::warn::ValidateSeriesRows(*rows, &catalogue, {.default_source = options.source});
      if (!series) return tl::unexpected(series.error());
      file.notes.push_back(std::to_string(rows->size()) + " rows read");
      file.series = std::move(*series);
      return file;
    }
    case SeriesFormat::kUcdpGed: {
      auto import = ParseUcdpGed(text, options.ucdp_level, options.source, progress);
      if (!import) return tl::unexpected(import.error());
      file.notes.push_back(std::to_string(import->events) + " events, " +
                           std::to_string(static_cast<std::int64_t>(import->fatalities)) +
                           " fatalities (best), " + std::to_string(import->areas) + " areas, " +
                           std::to_string(import->months) + " months (" +
                           std::to_string(import->event_months) + " with events)");
      file.series = std::move(import->series);
      return file;
    }
    case SeriesFormat::kIomDtm: {
      auto import = ParseIomDtm(text, options.dtm_admin_level, options.source, progress);
      if (!import) return tl::unexpected(import.error());
      file.notes.push_back(
          std::to_string(import->rows) + " rows, " + std::to_string(import->rows_used) +
          " at the chosen level(s), " + std::to_string(import->rounds) + " rounds, " +
          std::to_string(import->rounds_superseded) + " superseded within a month, " +
          std::to_string(import->months_carried) + " area-months carried forward");
      file.series = std::move(import->series);
      return file;
    }
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown format");
}

}  // namespace vigil::codec::csv
