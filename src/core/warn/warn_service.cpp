#include "core/warn/warn_service.hpp"

#include <algorithm>
#include <map>

namespace vigil::core::warn {

int FrequencyOf(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kDay: return 365;
    case PeriodKind::kWeek: return 52;
    case PeriodKind::kMonth: return 12;
  }
  return 52;
}

IndicatorHistory WarnService::EvaluateIndicator(const Area& area, const std::string& indicator_id,
                                                IndicatorRun& report) {
  IndicatorHistory history{indicator_id, "", {}};
  report.indicator = indicator_id;
  const Indicator* indicator = config_.catalogue.Find(indicator_id);
  if (indicator == nullptr) {
    report.problem = "not in the indicator catalogue";
    return history;
  }
  history.family = indicator->family;
  report.method = std::string(signals::MethodName(indicator->detector));
  auto observations = series_.Get({area.id, indicator_id, indicator->period});
  if (!observations) {
    report.problem = observations.error().code == ErrorCode::kNotFound
                         ? "no series for this area and indicator"
                         : "the series could not be read: " + observations.error().message;
    return history;
  }
  if (observations->empty()) {
    report.problem = "the series is empty";
    return history;
  }
  report.last_period = observations->back().period;
  signals::DetectInput input;
  input.frequency = FrequencyOf(indicator->period);
  input.observed.reserve(observations->size());
  for (const Observation& observation : *observations) input.observed.push_back(observation.value);
  auto detection = signals::Detect(indicator->detector, indicator->params, input);
  if (!detection) {
    report.problem = "the detector refused the series: " + detection.error().message;
    return history;
  }
  for (const signals::DetectedPoint& point : detection->points) {
    const auto position = static_cast<std::size_t>(point.index - 1);
    if (position >= observations->size()) continue;
    history.points.push_back({(*observations)[position].period, point.alarm});
  }
  if (history.points.empty()) {
    report.problem = "the detector evaluated no period (series too short)";
    return history;
  }
  const std::size_t window = static_cast<std::size_t>(config_.rule.window_periods);
  const std::size_t first = history.points.size() > window ? history.points.size() - window : 0;
  for (std::size_t point_idx = first; point_idx < history.points.size(); ++point_idx) {
    if (history.points[point_idx].alarm) report.alarms.push_back(history.points[point_idx].period);
  }
  return history;
}

Result<RunSummary> WarnService::Run(const access::Actor& actor, const Progress& progress) {
  RunSummary summary;
  summary.evaluated_ms = ToUnixMillis(clock_.Now());
  auto stored = levels_.LoadAreaLevels();
  if (!stored) return tl::unexpected(stored.error());
  std::map<std::string, Level> previous;
  for (const AreaLevelRecord& record : *stored) previous[record.area] = record.level;

  std::vector<AreaLevelRecord> records;
  std::vector<Alert> to_notify;
  std::vector<std::string> notify_events;
  std::size_t area_idx = 0;
  for (const Area& area : config_.areas) {
    ++area_idx;
    if (progress) {
      progress("area " + std::to_string(area_idx) + "/" + std::to_string(config_.areas.size()) +
               ": " + area.id + " (" + std::to_string(area.indicators.size()) + " indicators)");
    }
    AreaRun run;
    run.id = area.id;
    run.name = area.name;
    run.previous_level = previous.contains(area.id) ? previous[area.id] : Level::kNone;
    std::vector<IndicatorHistory> histories;
    for (const std::string& indicator_id : area.indicators) {
      IndicatorRun report;
      IndicatorHistory history = EvaluateIndicator(area, indicator_id, report);
      if (!history.points.empty()) histories.push_back(std::move(history));
      run.indicators.push_back(std::move(report));
    }
    LevelOutcome outcome = ComputeLevel(config_.rule, histories);
    run.level = outcome.level;
    run.reasons = outcome.reasons;
    auto raised = alerts_.Raise(actor, run.previous_level,
                                {area.id, area.name, area.owner, outcome});
    if (!raised) return tl::unexpected(raised.error());
    if (raised->kind == RaiseResult::Kind::kOpened) {
      run.alert_opened = raised->alert->id;
      summary.alerts_opened.push_back(raised->alert->id);
    }
    if (raised->kind != RaiseResult::Kind::kNone) {
      to_notify.push_back(*raised->alert);
      notify_events.push_back(raised->kind == RaiseResult::Kind::kOpened ? "alert.opened"
                                                                         : "alert.escalated");
    }
    records.push_back({area.id, outcome.level, outcome.reasons, outcome.latest_period,
                       summary.evaluated_ms});
    summary.areas.push_back(std::move(run));
  }
  if (auto saved = levels_.SaveAreaLevels(records); !saved) return tl::unexpected(saved.error());

  for (std::size_t alert_idx = 0; notifier_ != nullptr && alert_idx < to_notify.size(); ++alert_idx) {
    const Alert& alert = to_notify[alert_idx];
    if (progress) progress("notifying the webhook of alert " + std::to_string(alert.id));
    const Delivery delivery = notifier_->Notify(
        {notify_events[alert_idx], alert, std::string(kAlertLinkPrefix) + std::to_string(alert.id)});
    (void)alert_store_.SaveDelivery(alert.id, delivery);
    (void)audit_.Record({actor.name, actor.role, "warn.alert.notify", "warn_alert",
                         std::to_string(alert.id), delivery.outcome == "delivered" ? "ok" : "error",
                         actor.request_id});
    summary.notifications.push_back({alert.id, delivery.outcome, delivery.attempts});
  }
  (void)audit_.Record({actor.name, actor.role, "warn.run", "warn_run", "", "ok", actor.request_id});
  return summary;
}

}  // namespace vigil::core::warn
