// JSON of `vigil monitor trends`: {"method", "params", "terms": [{"term", "days", "filled_days",
// "problem", "latest": {"date", "observed", "expected", "upper", "alarm", "score"} | null,
// "surges": [{"date", "observed", "expected", "upper", "score"}]}]}; null where R gives NA.
#pragma once

#include <string>

#include "core/monitor/trends.hpp"

namespace vigil::codec::json {

[[nodiscard]] std::string RenderTrendReport(const core::monitor::TrendReport& report);

}  // namespace vigil::codec::json
