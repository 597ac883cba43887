#include "core/warn/alerts.hpp"

#include <array>

namespace vigil::core::warn {
namespace {

constexpr std::array<std::string_view, 4> kStateNames = {"new", "acknowledged", "action_recorded",
                                                         "closed"};

bool MayHandle(const access::Actor& actor, const Alert& alert) {
  if (actor.role == "admin" || actor.role == "coordinator") return true;
  return alert.owner && *alert.owner == actor.name;
}

}  // namespace

std::string_view AlertStateName(AlertState state) {
  return kStateNames[static_cast<std::size_t>(state)];
}

std::optional<AlertState> ParseAlertState(std::string_view name) {
  for (std::size_t state_idx = 0; state_idx < kStateNames.size(); ++state_idx) {
    if (kStateNames[state_idx] == name) return static_cast<AlertState>(state_idx);
  }
  return std::nullopt;
}

Result<RaiseResult> AlertService::Raise(const access::Actor& actor, Level previous,
                                        const RaiseRequest& request) {
  const Level level = request.outcome.level;
  RaiseResult result;
  if (level < Level::kWarning) return result;
  auto open = store_.FindOpenAlert(request.area);
  if (!open) return tl::unexpected(open.error());
  const std::int64_t now = ToUnixMillis(clock_.Now());
  const std::string summary = "level " + std::string(LevelName(level)) + ": " +
                              (request.outcome.reasons.empty() ? "" : request.outcome.reasons[0]);
  if (*open) {
    if (level <= (*open)->level) return result;
    const Alert& current = **open;
    AlertEvent event{now, actor.name, "escalated", summary};
    if (auto updated = store_.UpdateAlert(current.id, current.state, current.state, level, event);
        !updated) {
      return tl::unexpected(updated.error());
    }
    (void)audit_.Record({actor.name, actor.role, "warn.alert.escalate", "warn_alert",
                         std::to_string(current.id), "ok", actor.request_id});
    result.kind = RaiseResult::Kind::kEscalated;
    result.alert = current;
    result.alert->level = level;
    result.alert->updated_ms = now;
    return result;
  }
  if (level <= previous) return result;
  Alert alert;
  alert.area = request.area;
  alert.area_name = request.area_name;
  alert.level = level;
  alert.state = AlertState::kNew;
  alert.owner = request.owner;
  alert.period = request.outcome.latest_period;
  alert.indicators = request.outcome.alarming_indicators;
  alert.reasons = request.outcome.reasons;
  alert.opened_ms = now;
  alert.updated_ms = now;
  auto id = store_.CreateAlert(alert, {now, actor.name, "opened", summary});
  // A concurrent run (the CLI and the server) opened one first: that alert stands.
  if (!id && id.error().code == ErrorCode::kConflict) return result;
  if (!id) return tl::unexpected(id.error());
  alert.id = *id;
  (void)audit_.Record({actor.name, actor.role, "warn.alert.open", "warn_alert",
                       std::to_string(alert.id), "ok", actor.request_id});
  result.kind = RaiseResult::Kind::kOpened;
  result.alert = std::move(alert);
  return result;
}

Result<AlertDetail> AlertService::Acknowledge(const access::Actor& actor, std::int64_t id) {
  return Apply(actor, id, Step::kAcknowledge, "");
}
Result<AlertDetail> AlertService::RecordAction(const access::Actor& actor, std::int64_t id,
                                               const std::string& text) {
  return Apply(actor, id, Step::kAction, text);
}
Result<AlertDetail> AlertService::Close(const access::Actor& actor, std::int64_t id,
                                        const std::string& text) {
  return Apply(actor, id, Step::kClose, text);
}
Result<AlertDetail> AlertService::AddNote(const access::Actor& actor, std::int64_t id,
                                          const std::string& text) {
  return Apply(actor, id, Step::kNote, text);
}

Result<AlertDetail> AlertService::Apply(const access::Actor& actor, std::int64_t id, Step step,
                                        const std::string& text) {
  static constexpr std::array<std::string_view, 4> kActions = {
      "warn.alert.acknowledge", "warn.alert.action", "warn.alert.close", "warn.alert.note"};
  static constexpr std::array<std::string_view, 4> kKinds = {"acknowledged", "action", "closed",
                                                             "note"};
  const auto step_idx = static_cast<std::size_t>(step);
  auto audit = [&](std::string_view outcome) {
    (void)audit_.Record({actor.name, actor.role, std::string(kActions[step_idx]), "warn_alert",
                         std::to_string(id), std::string(outcome), actor.request_id});
  };
  auto refuse = [&](Error error) -> Result<AlertDetail> {
    audit(error.code == ErrorCode::kPermissionDenied ? "forbidden" : "error");
    return tl::unexpected(std::move(error));
  };
  auto detail = store_.LoadAlert(id);
  if (!detail) return refuse(detail.error());
  const Alert& alert = detail->alert;
  if (step != Step::kNote && !MayHandle(actor, alert)) {
    return refuse({ErrorCode::kPermissionDenied,
                   "only the area's owner, a coordinator or an admin may handle this alert",
                   "forbidden"});
  }
  if (step != Step::kAcknowledge) {
    if (text.empty()) return refuse({ErrorCode::kInvalidArgument, "text: required", "validation"});
    if (text.size() > kMaxAlertTextBytes) {
      return refuse({ErrorCode::kInvalidArgument, "text: longer than 2000 bytes", "validation"});
    }
  }
  AlertState next = alert.state;
  const std::string state_words = "alert " + std::to_string(id) + " is " +
                                  std::string(AlertStateName(alert.state));
  switch (step) {
    case Step::kAcknowledge:
      if (alert.state != AlertState::kNew) {
        return refuse({ErrorCode::kConflict, state_words + "; only a new alert can be acknowledged",
                       "conflict"});
      }
      next = AlertState::kAcknowledged;
      break;
    case Step::kAction:
    case Step::kClose:
      if (alert.state == AlertState::kNew) {
        return refuse({ErrorCode::kConflict, state_words + "; acknowledge it first", "conflict"});
      }
      if (alert.state == AlertState::kClosed) {
        return refuse({ErrorCode::kConflict, state_words + "; a closed alert does not change",
                       "conflict"});
      }
      next = step == Step::kClose ? AlertState::kClosed : AlertState::kActionRecorded;
      break;
    case Step::kNote:
      break;
  }
  const AlertEvent event{ToUnixMillis(clock_.Now()), actor.name, std::string(kKinds[step_idx]),
                         text};
  if (auto updated = store_.UpdateAlert(id, alert.state, next, alert.level, event); !updated) {
    return refuse(updated.error());
  }
  audit("ok");
  return store_.LoadAlert(id);
}

}  // namespace vigil::core::warn
