// JSON wire format of detections, shared by `vigil warn detect --format json` and the warn API:
// {"method", "params": {...}, "points": [{"index", "period", "observed", "expected", "upper",
// "alarm", "score"}], "notes": [...]}, with null where R gives NA.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/signals/detect.hpp"

namespace vigil::codec::json {

// `periods` holds the label of every input period (index i → periods[i − 1]); when empty the
// period is the index itself.
[[nodiscard]] std::string RenderDetection(const core::signals::Detection& detection,
                                          const std::vector<std::string>& periods);

struct DetectRequest {
  core::signals::Method method = core::signals::Method::kEarsC1;
  std::vector<core::signals::Parameter> params;
  core::signals::DetectInput input;
  std::vector<std::string> periods;  // optional labels, one per observed value
};

// Parses {"method": "...", "params": {"alpha": 0.05, "limit54": [5, 4], "range": [10, 60], ...},
// "observed": [...], "population"?: [...], "frequency"?: 52, "periods"?: [...]}. Parameter values
// may be numbers, booleans, strings or arrays (limit54, range); they are passed on as text.
[[nodiscard]] Result<DetectRequest> ParseDetectRequest(std::string_view body);

}  // namespace vigil::codec::json
