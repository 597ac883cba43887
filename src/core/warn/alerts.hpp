// Alerts: one per area when its level rises to warning or alert, owned by the area's owner, with a
// lifecycle new → acknowledged → action recorded → closed, notes, a response log and an audit
// entry for every change. AlertStore is the port the storage adapters implement.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access/audit.hpp"
#include "core/access/types.hpp"
#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/warn/level.hpp"

namespace vigil::core::warn {

enum class AlertState { kNew, kAcknowledged, kActionRecorded, kClosed };

// "new", "acknowledged", "action_recorded", "closed".
[[nodiscard]] std::string_view AlertStateName(AlertState state);
[[nodiscard]] std::optional<AlertState> ParseAlertState(std::string_view name);

inline constexpr std::size_t kMaxAlertTextBytes = 2000;

// One line of an alert's response log. kind: "opened", "escalated", "acknowledged", "action",
// "note", "closed".
struct AlertEvent {
  std::int64_t time_ms = 0;
  std::string actor;
  std::string kind;
  std::string text;
};

struct Alert {
  std::int64_t id = 0;  // assigned by the store
  std::string area;
  std::string area_name;
  Level level = Level::kWarning;
  AlertState state = AlertState::kNew;
  std::optional<std::string> owner;  // account name; none: coordinators and admins answer
  std::string period;                // the latest evaluated period that raised it
  std::vector<std::string> indicators;
  std::vector<std::string> reasons;
  std::int64_t opened_ms = 0;
  std::int64_t updated_ms = 0;
};

// One webhook notification: how many attempts it took and how it ended.
struct Delivery {
  std::int64_t time_ms = 0;
  std::string outcome;  // "delivered" or "failed"
  int attempts = 0;
  std::optional<int> http_status;  // the last answer's status, when there was one
  std::string error;               // why the last attempt failed, in words; never the secret
};

struct AlertDetail {
  Alert alert;
  std::vector<AlertEvent> events;      // oldest first
  std::vector<Delivery> deliveries;    // oldest first
};

class AlertStore {
 public:
  virtual ~AlertStore() = default;
  // Stores a new alert with its "opened" event and returns its id. kConflict when the area
  // already has an alert that is not closed (checked atomically with the insert).
  [[nodiscard]] virtual Result<std::int64_t> CreateAlert(const Alert& alert,
                                                         const AlertEvent& opened) = 0;
  // kNotFound when there is no alert with this id.
  [[nodiscard]] virtual Result<AlertDetail> LoadAlert(std::int64_t id) = 0;
  // Alerts newest first, all or those in `state`.
  [[nodiscard]] virtual Result<std::vector<Alert>> ListAlerts(std::optional<AlertState> state) = 0;
  // The area's alert that is not closed, if any.
  [[nodiscard]] virtual Result<std::optional<Alert>> FindOpenAlert(const std::string& area) = 0;
  // Moves alert `id` from `expected` to `next` (they may be equal), sets its level and updated
  // time and appends `event`, atomically. kNotFound for an unknown id; kConflict when the stored
  // state is no longer `expected` (a concurrent change).
  [[nodiscard]] virtual Status UpdateAlert(std::int64_t id, AlertState expected, AlertState next,
                                           Level level, const AlertEvent& event) = 0;
  [[nodiscard]] virtual Status SaveDelivery(std::int64_t id, const Delivery& delivery) = 0;
};

// What the run raises for one area.
struct RaiseRequest {
  std::string area;
  std::string area_name;
  std::optional<std::string> owner;
  LevelOutcome outcome;
};

// What Raise did: opened a new alert, escalated the open one, or nothing.
struct RaiseResult {
  enum class Kind { kNone, kOpened, kEscalated };
  Kind kind = Kind::kNone;
  std::optional<Alert> alert;  // set when kind is not kNone
};

class AlertService {
 public:
  AlertService(AlertStore& store, access::AuditLog& audit, const Clock& clock)
      : store_(store), audit_(audit), clock_(clock) {}

  // Opens an alert when `request.outcome.level` is warning or alert, rose above `previous` and
  // the area has no open alert; raises the open alert's level (an "escalated" event) when the
  // new level is above it. Otherwise does nothing. Audited (warn.alert.open / .escalate).
  [[nodiscard]] Result<RaiseResult> Raise(const access::Actor& actor, Level previous,
                                          const RaiseRequest& request);

  // The lifecycle. Each is allowed to the area's owner, a coordinator or an admin
  // (kPermissionDenied otherwise); an invalid transition is kConflict naming the state and the
  // step that must come first; kNotFound for an unknown id. Acknowledge: new → acknowledged.
  // RecordAction: acknowledged/action_recorded → action_recorded (text required). Close:
  // acknowledged/action_recorded → closed (text required: what was done or why it is dismissed).
  // AddNote: any state, any caller the route admits (text required). Every call is audited,
  // refused ones included.
  [[nodiscard]] Result<AlertDetail> Acknowledge(const access::Actor& actor, std::int64_t id);
  [[nodiscard]] Result<AlertDetail> RecordAction(const access::Actor& actor, std::int64_t id,
                                                 const std::string& text);
  [[nodiscard]] Result<AlertDetail> Close(const access::Actor& actor, std::int64_t id,
                                          const std::string& text);
  [[nodiscard]] Result<AlertDetail> AddNote(const access::Actor& actor, std::int64_t id,
                                            const std::string& text);

  [[nodiscard]] Result<AlertDetail> Get(std::int64_t id) { return store_.LoadAlert(id); }
  [[nodiscard]] Result<std::vector<Alert>> List(std::optional<AlertState> state) {
    return store_.ListAlerts(state);
  }

 private:
  enum class Step { kAcknowledge, kAction, kClose, kNote };
  Result<AlertDetail> Apply(const access::Actor& actor, std::int64_t id, Step step,
                            const std::string& text);

  AlertStore& store_;
  access::AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace vigil::core::warn
