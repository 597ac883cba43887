// Search-term (or category) volumes for `vigil monitor trends`: CSV with the columns
// `date,term,count`, one row per day and term, in any order. Days missing between a term's first
// and last day are counted as 0 (and reported). Errors (kInvalidArgument, reason
// "invalid-series") name the line: a missing column, a date that is not YYYY-MM-DD, a count that
// is not a number ≥ 0, the same term and date twice, an empty term.
#pragma once

#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/trends.hpp"

namespace vigil::codec::csv {

[[nodiscard]] Result<std::vector<core::monitor::TermSeries>> ParseTermCounts(std::string_view text);

}  // namespace vigil::codec::csv
