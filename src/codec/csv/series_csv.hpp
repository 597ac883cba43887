// Series files: tidy CSV (area,indicator,period,value[,source]) and HXL-tagged CSV in and out.
// Reading yields rows for core::warn::ValidateSeriesRows; nothing here decides what is valid data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "codec/csv/csv_reader.hpp"
#include "core/warn/series.hpp"
#include "core/warn/series_check.hpp"

namespace vigil::codec::csv {

// Reads a tidy CSV: a header naming the columns area, indicator, period, value and optionally
// source (any order, any case), then one row per observation. Errors (kInvalidArgument) name the
// line: CSV syntax, a missing or unknown column, a row with the wrong number of fields.
[[nodiscard]] Result<std::vector<core::warn::SeriesRow>> ParseTidySeriesCsv(
    std::string_view text, const CsvProgress& progress = {});

// Reads an HXL-tagged CSV: a header row, then a hashtag row (within the first 25 rows), then
// data. Columns are found by their hashtags (see docs/warn.md): area = the most specific
// non-empty of #adm3+code, #adm2+code, #adm1+code, #country+code, #loc+code; indicator =
// #indicator+code; period = the first #date; value = #value, #indicator+value, #indicator+num,
// or else the first tag with +num; source = #meta+source (optional). Errors name the line.
[[nodiscard]] Result<std::vector<core::warn::SeriesRow>> ParseHxlSeriesCsv(
    std::string_view text, const CsvProgress& progress = {});

using ExportSeries = core::warn::SeriesData;

// Tidy CSV with the header area,indicator,period,value,source; CRLF line ends.
[[nodiscard]] std::string RenderTidySeriesCsv(const std::vector<ExportSeries>& series);
// The same columns with the hashtag row #loc+code,#indicator+code,#date,#indicator+value+num,
// #meta+source under the header.
[[nodiscard]] std::string RenderHxlSeriesCsv(const std::vector<ExportSeries>& series);

// Shortest text that reads back as the same double ("3", "0.25", "1e+21").
[[nodiscard]] std::string RenderNumber(double value);

}  // namespace vigil::codec::csv
