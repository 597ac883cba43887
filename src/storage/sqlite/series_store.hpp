// SQLite adapter for the warn SeriesStore port (tables of migration 0003).
#pragma once

#include "core/warn/series.hpp"
#include "storage/sqlite/database.hpp"

namespace vigil::storage::sqlite {

class SqliteSeriesStore final : public core::warn::SeriesStore {
 public:
  explicit SqliteSeriesStore(Database& db) : db_(db) {}
  Result<std::int64_t> Upsert(const core::warn::SeriesKey& key,
                              const std::vector<core::warn::Observation>& observations) override;
  Result<std::vector<core::warn::Observation>> Get(const core::warn::SeriesKey& key) override;
  Result<std::vector<core::warn::SeriesSummary>> List(
      const std::optional<std::string>& area) override;
  Status Remove(const core::warn::SeriesKey& key) override;
  Result<std::int64_t> UpsertAll(const std::vector<core::warn::SeriesData>& series) override;

 private:
  // REQUIRES: the caller holds db_.mutex() inside a transaction.
  Result<std::int64_t> UpsertLocked(const core::warn::SeriesKey& key,
                                    const std::vector<core::warn::Observation>& observations);
  Database& db_;
};

}  // namespace vigil::storage::sqlite
