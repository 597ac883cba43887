// Checks imported series rows before anything is stored: every row names its area, indicator,
// period and value; the checks report gaps, duplicate periods and negative or non-numeric values
// by row (line number) and reason, and group the good rows into series.
#pragma once

#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/warn/catalogue.hpp"
#include "core/warn/series.hpp"

namespace vigil::core::warn {

// One data row as read from a file, values still text.
struct SeriesRow {
  int line = 0;  // 1-based physical line where the record starts
  std::string area;
  std::string indicator;
  std::string period;
  std::string value;
  std::string source;
};

// One series ready to store: observations in period order, canonical labels.
using ImportedSeries = SeriesData;

struct RowProblem {
  int line = 0;
  std::string reason;
};

struct SeriesCheckOptions {
  // Source used for rows that carry none (e.g. the file name).
  std::string default_source;
  // At most this many problems are reported; the rest are counted.
  std::size_t max_problems = 20;
};

// Validates `rows` and groups them by area × indicator. When `catalogue` is not null, every
// indicator must be in it and periods are read with the indicator's period kind; otherwise the
// kind is taken from the first row of each series. Checks, each reported with its line: empty
// area/indicator, area not of the form of an area id (no '/', no control characters, ≤ 64 bytes),
// unknown indicator, unparsable or wrong-kind period, value not a finite number, negative value,
// a period given twice in one series, and missing periods between a series' first and last.
// On any problem: kInvalidArgument, reason "invalid-series", message listing the problems as
// "line N: reason", one per line.
[[nodiscard]] Result<std::vector<ImportedSeries>> ValidateSeriesRows(
    const std::vector<SeriesRow>& rows, const Catalogue* catalogue,
    const SeriesCheckOptions& options);

// Formats problems as the message of ValidateSeriesRows (shared with the importers).
[[nodiscard]] std::string RenderRowProblems(const std::vector<RowProblem>& problems,
                                            std::size_t max_problems);

// Checks one area id (non-empty, ≤ 64 bytes, no '/', no control characters). Empty when fine,
// otherwise the reason.
[[nodiscard]] std::string CheckAreaId(std::string_view area);

}  // namespace vigil::core::warn
