// The input file of `vigil warn detect`: one row per consecutive period with the columns
// `period,observed` and optionally `state` (1 = known outbreak) and `population`. A period is
// YYYY-MM-DD, YYYY-Www, YYYY-MM or an integer; all rows use the same form. Dates step by a week
// (frequency 52), a day (365) or a month (12).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace vigil::codec::csv {

struct DetectSeries {
  std::vector<std::string> periods;  // as given (trimmed)
  std::vector<double> observed;
  std::vector<int> state;            // empty when the column is absent
  std::vector<double> population;    // empty when the column is absent
};

// Errors (kInvalidArgument, reason "invalid-series") name the line and the reason: a missing
// column, a non-numeric or negative count, a period in the wrong form, a duplicate period, a gap
// or a period out of order.
[[nodiscard]] Result<DetectSeries> ParseDetectSeries(std::string_view text, int frequency);

}  // namespace vigil::codec::csv
