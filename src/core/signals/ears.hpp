// CDC EARS C1, C2 and C3 (as R surveillance's earsC): per time point, the expected value, the
// upper bound, the alarm and a score. C3 is the textbook form; `surveillance_compat` reproduces
// R's implementation (shared/reference/early-warning.md §3.1).
#pragma once

#include <optional>
#include <vector>

namespace vigil::core::signals {

enum class EarsMethod { kC1, kC2, kC3 };

struct EarsOptions {
  int baseline = 7;            // B, at least 3
  std::optional<double> alpha; // default 0.001 for C1/C2, 0.025 for C3
  double min_sigma = 0;        // floor on the baseline standard deviation
  bool surveillance_compat = false;
};

struct DetectorPoint {
  bool tested = false;  // false for the first points, which lack a baseline
  double expected = 0;
  double upper = 0;
  bool alarm = false;
  double score = 0;     // (y − expected) / sd; 0 when sd is 0
};

// One point per count in `counts`. REQUIRES: options.baseline ≥ 3.
[[nodiscard]] std::vector<DetectorPoint> DetectEars(const std::vector<double>& counts, EarsMethod method,
                                                    const EarsOptions& options);

}  // namespace vigil::core::signals
