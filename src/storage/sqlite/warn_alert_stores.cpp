#include "storage/sqlite/warn_alert_stores.hpp"

#include <nlohmann/json.hpp>

namespace vigil::storage::sqlite {
namespace {

using core::warn::Alert;
using core::warn::AlertDetail;
using core::warn::AlertEvent;
using core::warn::AlertState;
using core::warn::Level;

constexpr std::string_view kAlertColumns =
    "SELECT id, area, area_name, level, state, owner, period, indicators, reasons, opened_ms, "
    "updated_ms FROM warn_alerts ";

std::string ToJsonList(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

std::vector<std::string> FromJsonList(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> items;
  if (!parsed.is_array()) return items;
  for (const auto& item : parsed) {
    if (item.is_string()) items.push_back(item.get<std::string>());
  }
  return items;
}

Result<Alert> ReadAlert(const Statement& stmt) {
  Alert alert;
  alert.id = stmt.ColumnInt(0);
  alert.area = stmt.ColumnText(1);
  alert.area_name = stmt.ColumnText(2);
  auto level = core::warn::ParseLevel(stmt.ColumnText(3));
  auto state = core::warn::ParseAlertState(stmt.ColumnText(4));
  if (!level || !state) return MakeError(ErrorCode::kInternal, "the database holds an unknown alert level or state");
  alert.level = *level;
  alert.state = *state;
  if (!stmt.ColumnIsNull(5)) alert.owner = stmt.ColumnText(5);
  alert.period = stmt.ColumnText(6);
  alert.indicators = FromJsonList(stmt.ColumnText(7));
  alert.reasons = FromJsonList(stmt.ColumnText(8));
  alert.opened_ms = stmt.ColumnInt(9);
  alert.updated_ms = stmt.ColumnInt(10);
  return alert;
}

Status InsertEvent(Database& db, std::int64_t id, const AlertEvent& event) {
  auto stmt = db.Prepare(
      "INSERT INTO warn_alert_events(alert_id, time_ms, actor, kind, text) VALUES(?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id).Bind(2, event.time_ms).Bind(3, event.actor).Bind(4, event.kind).Bind(5, event.text);
  return stmt->Run();
}

Result<std::vector<Alert>> CollectAlerts(Statement& stmt) {
  std::vector<Alert> alerts;
  while (true) {
    auto row = stmt.Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto alert = ReadAlert(stmt);
    if (!alert) return tl::unexpected(alert.error());
    alerts.push_back(std::move(*alert));
  }
  return alerts;
}

}  // namespace

Result<std::int64_t> SqliteAlertStore::CreateAlert(const Alert& alert, const AlertEvent& opened) {
  const std::lock_guard lock(db_.mutex());
  auto tx = Transaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  auto stmt = db_.Prepare(
      "INSERT INTO warn_alerts(area, area_name, level, state, owner, period, indicators, reasons, "
      "opened_ms, updated_ms) VALUES(?,?,?,?,?,?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, alert.area)
      .Bind(2, alert.area_name)
      .Bind(3, core::warn::LevelName(alert.level))
      .Bind(4, core::warn::AlertStateName(alert.state));
  if (alert.owner) {
    stmt->Bind(5, *alert.owner);
  } else {
    stmt->BindNull(5);
  }
  stmt->Bind(6, alert.period)
      .Bind(7, ToJsonList(alert.indicators))
      .Bind(8, ToJsonList(alert.reasons))
      .Bind(9, alert.opened_ms)
      .Bind(10, alert.updated_ms);
  if (auto ran = stmt->Run(); !ran) {
    if (Database::IsUniqueViolation(ran.error())) {
      return MakeError(ErrorCode::kConflict, "area " + alert.area + " already has an open alert",
                       "conflict");
    }
    return tl::unexpected(ran.error());
  }
  const std::int64_t id = db_.LastInsertId();
  if (auto event = InsertEvent(db_, id, opened); !event) return tl::unexpected(event.error());
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return id;
}

Result<AlertDetail> SqliteAlertStore::LoadAlert(std::int64_t id) {
  const std::lock_guard lock(db_.mutex());
  AlertDetail detail;
  {
    auto stmt = db_.Prepare(std::string(kAlertColumns) + "WHERE id = ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, id);
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return MakeError(ErrorCode::kNotFound, "no alert with this id");
    auto alert = ReadAlert(*stmt);
    if (!alert) return tl::unexpected(alert.error());
    detail.alert = std::move(*alert);
  }
  {
    auto stmt = db_.Prepare(
        "SELECT time_ms, actor, kind, text FROM warn_alert_events WHERE alert_id = ? ORDER BY seq");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, id);
    while (true) {
      auto row = stmt->Step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      detail.events.push_back(
          {stmt->ColumnInt(0), stmt->ColumnText(1), stmt->ColumnText(2), stmt->ColumnText(3)});
    }
  }
  auto stmt = db_.Prepare(
      "SELECT time_ms, outcome, attempts, http_status, error FROM warn_webhook_deliveries "
      "WHERE alert_id = ? ORDER BY seq");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id);
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    core::warn::Delivery delivery;
    delivery.time_ms = stmt->ColumnInt(0);
    delivery.outcome = stmt->ColumnText(1);
    delivery.attempts = static_cast<int>(stmt->ColumnInt(2));
    if (!stmt->ColumnIsNull(3)) delivery.http_status = static_cast<int>(stmt->ColumnInt(3));
    delivery.error = stmt->ColumnText(4);
    detail.deliveries.push_back(std::move(delivery));
  }
  return detail;
}

Result<std::vector<Alert>> SqliteAlertStore::ListAlerts(std::optional<AlertState> state) {
  const std::lock_guard lock(db_.mutex());
  if (state) {
    auto stmt = db_.Prepare(std::string(kAlertColumns) + "WHERE state = ? ORDER BY id DESC");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, core::warn::AlertStateName(*state));
    return CollectAlerts(*stmt);
  }
  auto stmt = db_.Prepare(std::string(kAlertColumns) + "ORDER BY id DESC");
  if (!stmt) return tl::unexpected(stmt.error());
  return CollectAlerts(*stmt);
}

Result<std::optional<Alert>> SqliteAlertStore::FindOpenAlert(const std::string& area) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(std::string(kAlertColumns) + "WHERE area = ? AND state <> 'closed'");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, area);
  auto alerts = CollectAlerts(*stmt);
  if (!alerts) return tl::unexpected(alerts.error());
  if (alerts->empty()) return std::optional<Alert>();
  return std::optional<Alert>(std::move(alerts->front()));
}

Status SqliteAlertStore::UpdateAlert(std::int64_t id, AlertState expected, AlertState next,
                                     Level level, const AlertEvent& event) {
  const std::lock_guard lock(db_.mutex());
  auto tx = Transaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  {
    auto stmt = db_.Prepare("SELECT state FROM warn_alerts WHERE id = ?");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, id);
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return MakeError(ErrorCode::kNotFound, "no alert with this id");
    if (stmt->ColumnText(0) != core::warn::AlertStateName(expected)) {
      return MakeError(ErrorCode::kConflict, "alert " + std::to_string(id) + " changed meanwhile",
                       "conflict");
    }
  }
  auto stmt = db_.Prepare("UPDATE warn_alerts SET state = ?, level = ?, updated_ms = ? WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, core::warn::AlertStateName(next))
      .Bind(2, core::warn::LevelName(level))
      .Bind(3, event.time_ms)
      .Bind(4, id);
  if (auto ran = stmt->Run(); !ran) return ran;
  if (auto inserted = InsertEvent(db_, id, event); !inserted) return inserted;
  return tx->Commit();
}

Status SqliteAlertStore::SaveDelivery(std::int64_t id, const core::warn::Delivery& delivery) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(
      "INSERT INTO warn_webhook_deliveries(alert_id, time_ms, outcome, attempts, http_status, "
      "error) VALUES(?,?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id).Bind(2, delivery.time_ms).Bind(3, delivery.outcome).Bind(4, static_cast<std::int64_t>(delivery.attempts));
  if (delivery.http_status) {
    stmt->Bind(5, static_cast<std::int64_t>(*delivery.http_status));
  } else {
    stmt->BindNull(5);
  }
  stmt->Bind(6, delivery.error);
  if (auto ran = stmt->Run(); !ran) {
    // A delivery for an unknown alert breaks the foreign key.
    if (ran.error().message.find("FOREIGN KEY") != std::string::npos) {
      return MakeError(ErrorCode::kNotFound, "no alert with this id");
    }
    return ran;
  }
  return {};
}

Status SqliteAreaLevelStore::SaveAreaLevels(const std::vector<core::warn::AreaLevelRecord>& records) {
  const std::lock_guard lock(db_.mutex());
  auto tx = Transaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  for (const auto& record : records) {
    auto stmt = db_.Prepare(
        "INSERT INTO warn_area_levels(area, level, reasons, period, evaluated_ms) VALUES(?,?,?,?,?) "
        "ON CONFLICT(area) DO UPDATE SET level = excluded.level, reasons = excluded.reasons, "
        "period = excluded.period, evaluated_ms = excluded.evaluated_ms");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, record.area)
        .Bind(2, core::warn::LevelName(record.level))
        .Bind(3, ToJsonList(record.reasons))
        .Bind(4, record.period)
        .Bind(5, record.evaluated_ms);
    if (auto ran = stmt->Run(); !ran) return ran;
  }
  return tx->Commit();
}

Result<std::vector<core::warn::AreaLevelRecord>> SqliteAreaLevelStore::LoadAreaLevels() {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(
      "SELECT area, level, reasons, period, evaluated_ms FROM warn_area_levels ORDER BY area");
  if (!stmt) return tl::unexpected(stmt.error());
  std::vector<core::warn::AreaLevelRecord> records;
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto level = core::warn::ParseLevel(stmt->ColumnText(1));
    if (!level) return MakeError(ErrorCode::kInternal, "the database holds an unknown area level");
    records.push_back({stmt->ColumnText(0), *level, FromJsonList(stmt->ColumnText(2)),
                       stmt->ColumnText(3), stmt->ColumnInt(4)});
  }
  return records;
}

Status SqliteBoundaryStore::ReplaceBoundaries(const std::vector<core::warn::Boundary>& boundaries,
                                              const std::string& source) {
  const std::lock_guard lock(db_.mutex());
  auto tx = Transaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  if (auto cleared = db_.Exec("DELETE FROM warn_boundaries"); !cleared) return cleared;
  for (const auto& boundary : boundaries) {
    auto stmt = db_.Prepare("INSERT INTO warn_boundaries(pcode, name, geometry, source) VALUES(?,?,?,?)");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, boundary.pcode).Bind(2, boundary.name).Bind(3, boundary.geometry_json).Bind(4, source);
    if (auto ran = stmt->Run(); !ran) {
      if (Database::IsUniqueViolation(ran.error())) {
        return MakeError(ErrorCode::kInvalidArgument, "P-code " + boundary.pcode + " is listed twice",
                         "validation");
      }
      return ran;
    }
  }
  return tx->Commit();
}

Result<std::vector<core::warn::Boundary>> SqliteBoundaryStore::LoadBoundaries() {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare("SELECT pcode, name, geometry FROM warn_boundaries ORDER BY pcode");
  if (!stmt) return tl::unexpected(stmt.error());
  std::vector<core::warn::Boundary> boundaries;
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    boundaries.push_back({stmt->ColumnText(0), stmt->ColumnText(1), stmt->ColumnText(2)});
  }
  return boundaries;
}

}  // namespace vigil::storage::sqlite
