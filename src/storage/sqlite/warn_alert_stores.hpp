// SQLite adapters for the warn ports of areas and alerts: latest area levels, alerts with their
// response log and webhook deliveries, and the imported admin boundaries (0004_warn_alerts.sql).
#pragma once

#include "core/warn/alerts.hpp"
#include "core/warn/area.hpp"
#include "storage/sqlite/database.hpp"

namespace vigil::storage::sqlite {

class SqliteAlertStore final : public core::warn::AlertStore {
 public:
  explicit SqliteAlertStore(Database& db) : db_(db) {}
  Result<std::int64_t> CreateAlert(const core::warn::Alert& alert,
                                   const core::warn::AlertEvent& opened) override;
  Result<core::warn::AlertDetail> LoadAlert(std::int64_t id) override;
  Result<std::vector<core::warn::Alert>> ListAlerts(
      std::optional<core::warn::AlertState> state) override;
  Result<std::optional<core::warn::Alert>> FindOpenAlert(const std::string& area) override;
  Status UpdateAlert(std::int64_t id, core::warn::AlertState expected,
                     core::warn::AlertState next, core::warn::Level level,
                     const core::warn::AlertEvent& event) override;
  Status SaveDelivery(std::int64_t id, const core::warn::Delivery& delivery) override;

 private:
  Database& db_;
};

class SqliteAreaLevelStore final : public core::warn::AreaLevelStore {
 public:
  explicit SqliteAreaLevelStore(Database& db) : db_(db) {}
  Status SaveAreaLevels(const std::vector<core::warn::AreaLevelRecord>& records) override;
  Result<std::vector<core::warn::AreaLevelRecord>> LoadAreaLevels() override;

 private:
  Database& db_;
};

class SqliteBoundaryStore final : public core::warn::BoundaryStore {
 public:
  explicit SqliteBoundaryStore(Database& db) : db_(db) {}
  Status ReplaceBoundaries(const std::vector<core::warn::Boundary>& boundaries,
                           const std::string& source) override;
  Result<std::vector<core::warn::Boundary>> LoadBoundaries() override;

 private:
  Database& db_;
};

}  // namespace vigil::storage::sqlite
