// In-memory SeriesStore, for unit tests and the conformance suite. Thread-safe behind one mutex.
#pragma once

#include <map>
#include <mutex>
#include <tuple>

#include "core/warn/series.hpp"

namespace vigil::storage::memory {

class MemorySeriesStore final : public core::warn::SeriesStore {
 public:
  Result<std::int64_t> Upsert(const core::warn::SeriesKey& key,
                              const std::vector<core::warn::Observation>& observations) override;
  Result<std::vector<core::warn::Observation>> Get(const core::warn::SeriesKey& key) override;
  Result<std::vector<core::warn::SeriesSummary>> List(
      const std::optional<std::string>& area) override;
  Status Remove(const core::warn::SeriesKey& key) override;
  Result<std::int64_t> UpsertAll(const std::vector<core::warn::SeriesData>& series) override;

 private:
  using Key = std::tuple<std::string, std::string, core::warn::PeriodKind>;
  std::mutex mutex_;
  std::map<Key, std::map<std::string, core::warn::Observation>> series_;
};

}  // namespace vigil::storage::memory
