#include "core/warn/level.hpp"

#include <algorithm>
#include <array>

#include "core/warn/period.hpp"

namespace vigil::core::warn {
namespace {

// Orders period labels of any kind by their last day ("2024-W23" after "2024-06-05", "2024-06"
// after both); labels that do not parse sort first, by text.
bool LaterPeriod(const std::string& a, const std::string& b) {
  const auto pa = ParsePeriodAnyKind(a);
  const auto pb = ParsePeriodAnyKind(b);
  if (pa && pb) return LastDayOf(*pa) > LastDayOf(*pb);
  if (pa.has_value() != pb.has_value()) return pa.has_value();
  return a > b;
}

constexpr std::array<std::string_view, 4> kLevelNames = {"none", "watch", "warning", "alert"};

// What one indicator contributes inside its window.
struct WindowFacts {
  const IndicatorHistory* history = nullptr;
  std::vector<std::string> alarmed_periods;
  int longest_run = 0;
  bool critical = false;
};

WindowFacts ReadWindow(const LevelRule& rule, const IndicatorHistory& history) {
  WindowFacts facts;
  facts.history = &history;
  facts.critical = std::find(rule.critical_families.begin(), rule.critical_families.end(),
                             history.family) != rule.critical_families.end();
  const std::size_t window = static_cast<std::size_t>(rule.window_periods);
  const std::size_t first = history.points.size() > window ? history.points.size() - window : 0;
  int run = 0;
  for (std::size_t point_idx = first; point_idx < history.points.size(); ++point_idx) {
    const PeriodAlarm& point = history.points[point_idx];
    run = point.alarm ? run + 1 : 0;
    facts.longest_run = std::max(facts.longest_run, run);
    if (point.alarm) facts.alarmed_periods.push_back(point.period);
  }
  return facts;
}

std::string Plural(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

}  // namespace

std::string_view LevelName(Level level) { return kLevelNames[static_cast<std::size_t>(level)]; }

std::optional<Level> ParseLevel(std::string_view name) {
  for (std::size_t level_idx = 0; level_idx < kLevelNames.size(); ++level_idx) {
    if (kLevelNames[level_idx] == name) return static_cast<Level>(level_idx);
  }
  return std::nullopt;
}

std::string JoinInWords(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t item_idx = 0; item_idx < items.size(); ++item_idx) {
    if (item_idx > 0) out += item_idx + 1 == items.size() ? " and " : ", ";
    out += items[item_idx];
  }
  return out;
}

Status ValidateLevelRule(const LevelRule& rule) {
  const std::array<std::pair<std::string_view, int>, 5> counts = {{
      {"window_periods", rule.window_periods},
      {"watch.min_alarms", rule.watch_min_alarms},
      {"warning.min_indicators", rule.warning_min_indicators},
      {"warning.consecutive_periods", rule.warning_consecutive},
      {"alert.min_critical_alarms", rule.alert_min_critical_alarms},
  }};
  for (const auto& [name, value] : counts) {
    if (value < 1) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "levels: " + std::string(name) + " must be 1 or more", "validation");
    }
  }
  if (rule.warning_consecutive > rule.window_periods) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "levels: warning.consecutive_periods cannot exceed window_periods",
                     "validation");
  }
  return {};
}

LevelOutcome ComputeLevel(const LevelRule& rule, const std::vector<IndicatorHistory>& histories) {
  LevelOutcome outcome;
  std::vector<WindowFacts> alarming;
  int total_alarms = 0;
  int critical_alarms = 0;
  const WindowFacts* longest = nullptr;
  for (const IndicatorHistory& history : histories) {
    if (!history.points.empty() && LaterPeriod(history.points.back().period, outcome.latest_period)) {
      outcome.latest_period = history.points.back().period;
    }
    WindowFacts facts = ReadWindow(rule, history);
    if (facts.alarmed_periods.empty()) continue;
    alarming.push_back(std::move(facts));
  }
  std::string latest_alarm;
  for (const WindowFacts& facts : alarming) {
    const int count = static_cast<int>(facts.alarmed_periods.size());
    total_alarms += count;
    if (facts.critical) critical_alarms += count;
    if (longest == nullptr || facts.longest_run > longest->longest_run) longest = &facts;
    if (LaterPeriod(facts.alarmed_periods.back(), latest_alarm)) latest_alarm = facts.alarmed_periods.back();
    outcome.alarming_indicators.push_back(facts.history->indicator);
  }
  if (!latest_alarm.empty()) outcome.latest_period = latest_alarm;

  const std::string window_words = "in the last " + Plural(rule.window_periods, "period", "periods");
  const int indicator_count = static_cast<int>(alarming.size());
  const bool by_breadth = indicator_count >= rule.warning_min_indicators;
  const bool by_run = longest != nullptr && longest->longest_run >= rule.warning_consecutive;
  std::vector<std::string> level_reasons;
  if (by_breadth) {
    level_reasons.push_back(Plural(indicator_count, "indicator", "indicators") + " alarmed " +
                            window_words + " (" + JoinInWords(outcome.alarming_indicators) +
                            "; warning from " + std::to_string(rule.warning_min_indicators) + ")");
  }
  if (by_run) {
    level_reasons.push_back(longest->history->indicator + " alarmed " +
                            std::to_string(longest->longest_run) + " periods running (warning from " +
                            std::to_string(rule.warning_consecutive) + ")");
  }
  if ((by_breadth || by_run) && critical_alarms >= rule.alert_min_critical_alarms) {
    outcome.level = Level::kAlert;
    std::vector<std::string> critical_names;
    for (const WindowFacts& facts : alarming) {
      if (facts.critical) {
        critical_names.push_back(facts.history->indicator + " (" + facts.history->family + ")");
      }
    }
    level_reasons.insert(level_reasons.begin(),
                         "alert: a warning condition holds and " +
                             Plural(critical_alarms, "alarm", "alarms") +
                             " came from a critical family: " + JoinInWords(critical_names));
  } else if (by_breadth || by_run) {
    outcome.level = Level::kWarning;
    level_reasons.front() = "warning: " + level_reasons.front();
  } else if (total_alarms >= rule.watch_min_alarms) {
    outcome.level = Level::kWatch;
    level_reasons.push_back("watch: " + Plural(total_alarms, "alarm", "alarms") + " " +
                            window_words + " (watch from " +
                            std::to_string(rule.watch_min_alarms) + ")");
  } else if (histories.empty()) {
    level_reasons.push_back("no indicator could be evaluated");
  } else {
    level_reasons.push_back("no alarm " + window_words + " of " +
                            Plural(static_cast<int>(histories.size()), "indicator", "indicators"));
  }
  outcome.reasons = std::move(level_reasons);
  for (const WindowFacts& facts : alarming) {
    outcome.reasons.push_back(facts.history->indicator + " alarmed in " +
                              JoinInWords(facts.alarmed_periods));
  }
  return outcome;
}

}  // namespace vigil::core::warn
