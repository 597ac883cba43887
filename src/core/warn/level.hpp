// The composite level of an area (none / watch / warning / alert) from the alarms of its
// indicators in their latest evaluated periods. The rule is data (data/warn/levels.yaml); every
// threshold is a setting, and the outcome carries its reasons in words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace vigil::core::warn {

enum class Level { kNone, kWatch, kWarning, kAlert };  // ordered: a later one is higher

[[nodiscard]] std::string_view LevelName(Level level);  // "none", "watch", "warning", "alert"
[[nodiscard]] std::optional<Level> ParseLevel(std::string_view name);

// The settings of the rule. Each indicator is looked at over its own last `window_periods`
// evaluated periods (weekly and monthly indicators are not put on one calendar).
struct LevelRule {
  int window_periods = 2;
  // watch: at least this many alarms, summed over the indicators, inside the window.
  int watch_min_alarms = 1;
  // warning: at least this many distinct indicators alarm inside the window ...
  int warning_min_indicators = 2;
  // ... or one indicator alarms in this many consecutive periods inside the window.
  int warning_consecutive = 2;
  // alert: a warning condition holds and indicators of these families (catalogue family ids)
  // have at least `alert_min_critical_alarms` alarms inside the window.
  std::vector<std::string> critical_families;
  int alert_min_critical_alarms = 1;
};

// kInvalidArgument naming the setting: every count ≥ 1, warning_consecutive ≤ window_periods.
[[nodiscard]] Status ValidateLevelRule(const LevelRule& rule);

struct PeriodAlarm {
  std::string period;  // the period label, e.g. "2024-06"
  bool alarm = false;
};

// One indicator's evaluated periods for one area, oldest first (the rule reads the last ones).
struct IndicatorHistory {
  std::string indicator;
  std::string family;
  std::vector<PeriodAlarm> points;
};

struct LevelOutcome {
  Level level = Level::kNone;
  // The level's reason first, then one sentence per alarming indicator, e.g.
  // "conflict-events alarmed in 2024-05 and 2024-06".
  std::vector<std::string> reasons;
  std::vector<std::string> alarming_indicators;  // in input order
  std::string latest_period;  // the latest alarmed period (the latest evaluated one if none)
};

// Applies `rule` to `histories`. Pure. REQUIRES: ValidateLevelRule(rule) succeeded.
[[nodiscard]] LevelOutcome ComputeLevel(const LevelRule& rule,
                                        const std::vector<IndicatorHistory>& histories);

// "a", "a and b", "a, b and c".
[[nodiscard]] std::string JoinInWords(const std::vector<std::string>& items);

}  // namespace vigil::core::warn
