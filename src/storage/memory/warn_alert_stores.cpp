#include "storage/memory/warn_alert_stores.hpp"

namespace vigil::storage::memory {

using core::warn::Alert;
using core::warn::AlertDetail;
using core::warn::AlertState;

Result<std::int64_t> MemoryAlertStore::CreateAlert(const Alert& alert,
                                                   const core::warn::AlertEvent& opened) {
  const std::lock_guard lock(mutex_);
  for (const auto& [id, detail] : alerts_) {
    if (detail.alert.area == alert.area && detail.alert.state != AlertState::kClosed) {
      return MakeError(ErrorCode::kConflict, "area " + alert.area + " already has an open alert",
                       "conflict");
    }
  }
  const std::int64_t id = next_id_++;
  AlertDetail detail{alert, {opened}, {}};
  detail.alert.id = id;
  alerts_[id] = std::move(detail);
  return id;
}

Result<AlertDetail> MemoryAlertStore::LoadAlert(std::int64_t id) {
  const std::lock_guard lock(mutex_);
  auto found = alerts_.find(id);
  if (found == alerts_.end()) return MakeError(ErrorCode::kNotFound, "no alert with this id");
  return found->second;
}

Result<std::vector<Alert>> MemoryAlertStore::ListAlerts(std::optional<AlertState> state) {
  const std::lock_guard lock(mutex_);
  std::vector<Alert> alerts;
  for (auto it = alerts_.rbegin(); it != alerts_.rend(); ++it) {
    if (!state || it->second.alert.state == *state) alerts.push_back(it->second.alert);
  }
  return alerts;
}

Result<std::optional<Alert>> MemoryAlertStore::FindOpenAlert(const std::string& area) {
  const std::lock_guard lock(mutex_);
  for (const auto& [id, detail] : alerts_) {
    if (detail.alert.area == area && detail.alert.state != AlertState::kClosed) {
      return std::optional<Alert>(detail.alert);
    }
  }
  return std::optional<Alert>();
}

Status MemoryAlertStore::UpdateAlert(std::int64_t id, AlertState expected, AlertState next,
                                     core::warn::Level level, const core::warn::AlertEvent& event) {
  const std::lock_guard lock(mutex_);
  auto found = alerts_.find(id);
  if (found == alerts_.end()) return MakeError(ErrorCode::kNotFound, "no alert with this id");
  Alert& alert = found->second.alert;
  if (alert.state != expected) {
    return MakeError(ErrorCode::kConflict, "alert " + std::to_string(id) + " changed meanwhile",
                     "conflict");
  }
  alert.state = next;
  alert.level = level;
  alert.updated_ms = event.time_ms;
  found->second.events.push_back(event);
  return {};
}

Status MemoryAlertStore::SaveDelivery(std::int64_t id, const core::warn::Delivery& delivery) {
  const std::lock_guard lock(mutex_);
  auto found = alerts_.find(id);
  if (found == alerts_.end()) return MakeError(ErrorCode::kNotFound, "no alert with this id");
  found->second.deliveries.push_back(delivery);
  return {};
}

Status MemoryAreaLevelStore::SaveAreaLevels(const std::vector<core::warn::AreaLevelRecord>& records) {
  const std::lock_guard lock(mutex_);
  for (const auto& record : records) records_[record.area] = record;
  return {};
}

Result<std::vector<core::warn::AreaLevelRecord>> MemoryAreaLevelStore::LoadAreaLevels() {
  const std::lock_guard lock(mutex_);
  std::vector<core::warn::AreaLevelRecord> records;
  for (const auto& [area, record] : records_) records.push_back(record);
  return records;
}

Status MemoryBoundaryStore::ReplaceBoundaries(const std::vector<core::warn::Boundary>& boundaries,
                                              const std::string& /*source*/) {
  std::map<std::string, core::warn::Boundary> replacement;
  for (const auto& boundary : boundaries) {
    if (!replacement.emplace(boundary.pcode, boundary).second) {
      return MakeError(ErrorCode::kInvalidArgument, "P-code " + boundary.pcode + " is listed twice",
                       "validation");
    }
  }
  const std::lock_guard lock(mutex_);
  boundaries_ = std::move(replacement);
  return {};
}

Result<std::vector<core::warn::Boundary>> MemoryBoundaryStore::LoadBoundaries() {
  const std::lock_guard lock(mutex_);
  std::vector<core::warn::Boundary> boundaries;
  for (const auto& [pcode, boundary] : boundaries_) boundaries.push_back(boundary);
  return boundaries;
}

}  // namespace vigil::storage::memory
