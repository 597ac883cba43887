// JSON for detector values shared by the detection and trend renderers. Include only from .cpp
// files of codec/json (it pulls in nlohmann).
#pragma once

#include <nlohmann/json.hpp>

#include "core/signals/detect.hpp"

namespace vigil::codec::json {

// Whole numbers print without a fraction (counts, b, w, limit54); others keep full precision.
[[nodiscard]] nlohmann::json NumberJson(double value);

// A resolved detector parameter: null, boolean, number, text or an array of numbers.
[[nodiscard]] nlohmann::json ParamValueJson(const core::signals::ParamValue& value);

}  // namespace vigil::codec::json
