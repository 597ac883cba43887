// The early-warning run, shared by `vigil warn run` and POST /api/v1/warn/run: for every area and
// each indicator that applies to it, the series is read, the indicator's detector run, the area's
// composite level computed, alerts opened or escalated, and the webhook notified.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/audit.hpp"
#include "core/warn/alerts.hpp"
#include "core/warn/area.hpp"
#include "core/warn/catalogue.hpp"
#include "core/warn/level.hpp"
#include "core/warn/series.hpp"
#include "core/warn/webhook.hpp"

namespace vigil::core::warn {

// What the run reads: the catalogue, the areas and the level rule (data/warn/*.yaml).
struct WarnConfig {
  Catalogue catalogue;
  std::vector<Area> areas;
  LevelRule rule;
};

struct IndicatorRun {
  std::string indicator;
  std::string method;
  std::optional<std::string> last_period;  // none when the series is missing
  std::vector<std::string> alarms;         // alarmed periods inside the rule's window
  std::optional<std::string> problem;      // why the indicator was skipped, in words
};

struct AreaRun {
  std::string id;
  std::string name;
  Level previous_level = Level::kNone;
  Level level = Level::kNone;
  std::vector<std::string> reasons;
  std::optional<std::int64_t> alert_opened;
  std::vector<IndicatorRun> indicators;
};

struct NotificationReport {
  std::int64_t alert_id = 0;
  std::string outcome;  // "delivered" or "failed"
  int attempts = 0;
};

struct RunSummary {
  std::int64_t evaluated_ms = 0;
  std::vector<AreaRun> areas;
  std::vector<std::int64_t> alerts_opened;
  std::vector<NotificationReport> notifications;
};

// Periods per year for a detector's `frequency`: 365, 52 or 12.
[[nodiscard]] int FrequencyOf(PeriodKind kind);

class WarnService {
 public:
  using Progress = std::function<void(std::string_view line)>;

  // `notifier` may be null (no webhook configured). REQUIRES: `config` and every store and
  // service passed in outlive this object (they are held by reference). Run may be called
  // concurrently, also from another process: the stores serialise writes and keep one open alert
  // per area.
  WarnService(const WarnConfig& config, SeriesStore& series, AreaLevelStore& levels,
              AlertService& alerts, AlertStore& alert_store, WebhookNotifier* notifier,
              access::AuditLog& audit, const Clock& clock)
      : config_(config),
        series_(series),
        levels_(levels),
        alerts_(alerts),
        alert_store_(alert_store),
        notifier_(notifier),
        audit_(audit),
        clock_(clock) {}

  // Evaluates every area. A missing series or a detector error (too short, bad parameter) is
  // reported on its indicator and skipped; store errors stop the run. Audited as "warn.run".
  [[nodiscard]] Result<RunSummary> Run(const access::Actor& actor, const Progress& progress);

  // The areas with their stored levels (for GET /warn/areas).
  [[nodiscard]] const WarnConfig& config() const { return config_; }

 private:
  IndicatorHistory EvaluateIndicator(const Area& area, const std::string& indicator_id,
                                     IndicatorRun& report);

  const WarnConfig& config_;
  SeriesStore& series_;
  AreaLevelStore& levels_;
  AlertService& alerts_;
  AlertStore& alert_store_;
  WebhookNotifier* notifier_;
  access::AuditLog& audit_;
  const Clock& clock_;
};

inline constexpr std::string_view kAlertLinkPrefix = "/app/#/warn/alerts/";

}  // namespace vigil::core::warn
