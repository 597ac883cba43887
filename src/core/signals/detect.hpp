// One entry point for every count-series detector, shared by `vigil warn detect`, the warn API,
// `vigil warn run` and the monitor capability. Parameters carry the names of the matching R
// function (surveillance's earsC, algo.farrington, farringtonFlexible) and are given as text, so
// the command line and JSON callers parse nothing themselves; a parameter the chosen method does
// not have is an error (reason "unknown-parameter").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/common/error.hpp"

namespace vigil::core::signals {

enum class Method {
  kEarsC1,
  kEarsC2,
  kEarsC3,
  kFarrington,  // R algo.farrington
  kFlexible,    // R farringtonFlexible with R's defaults
  kNoufaily,    // farringtonFlexible with noPeriods=10, pastWeeksNotIncluded=26, nbPlugin
  kCusum,       // Poisson CUSUM (k, h)
  kThreshold,   // plain rule: alarm when y > threshold
  kRateOfChange,     // plain rule: alarm when y rises by more than rate over the previous period
  kRatioToBaseline,  // demand surges: alarm when y exceeds ratio × the mean of the last `baseline`
};

// "ears-c1", "ears-c2", "ears-c3", "farrington", "flexible", "noufaily", "cusum", "threshold",
// "rate-of-change", "ratio-to-baseline".
[[nodiscard]] std::optional<Method> ParseMethod(std::string_view name);
[[nodiscard]] std::string_view MethodName(Method method);
// Every method name, for help texts and error messages.
[[nodiscard]] const std::vector<std::string_view>& MethodNames();

struct Parameter {
  std::string name;   // R's name, e.g. "alpha", "limit54", "range"
  std::string value;  // text, e.g. "0.05", "TRUE", "5,4", "10:60"
};

// A resolved parameter value for reports: null (R's NULL), boolean, number, text or numbers.
using ParamValue = std::variant<std::monostate, bool, double, std::string, std::vector<double>>;

struct ResolvedParam {
  std::string name;
  ParamValue value;
};

struct DetectInput {
  std::vector<double> observed;    // one count per consecutive period
  std::vector<double> population;  // empty, or one per period (offset for the Farrington family)
  int frequency = 52;              // periods per year (52 weekly, 12 monthly, 365 daily)
};

struct DetectedPoint {
  int index = 0;                    // 1-based position in the input
  double observed = 0;
  std::optional<double> expected;   // nullopt where R gives NA
  std::optional<double> upper;
  bool alarm = false;
  std::optional<double> score;
};

struct Detection {
  Method method = Method::kEarsC1;
  std::vector<ResolvedParam> params;  // every parameter of the method, defaults filled in
  std::vector<DetectedPoint> points;  // the evaluated range only, in order
  std::vector<std::string> notes;     // e.g. points skipped for too little data, and why
};

// Runs `method` on `input`. Errors (kInvalidArgument) name the parameter or the reason: unknown
// parameter, unparsable value, range outside the series, series too short for the method.
[[nodiscard]] Result<Detection> Detect(Method method, const std::vector<Parameter>& params,
                                       const DetectInput& input);

}  // namespace vigil::core::signals
