// In-memory implementations of the warn ports of areas and alerts, for unit tests and the
// conformance suite. Each is thread-safe behind one mutex.
#pragma once

#include <map>
#include <mutex>

#include "core/warn/alerts.hpp"
#include "core/warn/area.hpp"

namespace vigil::storage::memory {

class MemoryAlertStore final : public core::warn::AlertStore {
 public:
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
  std::mutex mutex_;
  std::map<std::int64_t, core::warn::AlertDetail> alerts_;
  std::int64_t next_id_ = 1;
};

class MemoryAreaLevelStore final : public core::warn::AreaLevelStore {
 public:
  Status SaveAreaLevels(const std::vector<core::warn::AreaLevelRecord>& records) override;
  Result<std::vector<core::warn::AreaLevelRecord>> LoadAreaLevels() override;

 private:
  std::mutex mutex_;
  std::map<std::string, core::warn::AreaLevelRecord> records_;
};

class MemoryBoundaryStore final : public core::warn::BoundaryStore {
 public:
  Status ReplaceBoundaries(const std::vector<core::warn::Boundary>& boundaries,
                           const std::string& source) override;
  Result<std::vector<core::warn::Boundary>> LoadBoundaries() override;

 private:
  std::mutex mutex_;
  std::map<std::string, core::warn::Boundary> boundaries_;
};

}  // namespace vigil::storage::memory
