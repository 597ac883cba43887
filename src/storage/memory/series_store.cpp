#include "storage/memory/series_store.hpp"

namespace vigil::storage::memory {

using core::warn::Observation;
using core::warn::SeriesKey;
using core::warn::SeriesSummary;

Result<std::int64_t> MemorySeriesStore::Upsert(const SeriesKey& key,
                                               const std::vector<Observation>& observations) {
  return UpsertAll({core::warn::SeriesData{key, observations}});
}

Result<std::int64_t> MemorySeriesStore::UpsertAll(
    const std::vector<core::warn::SeriesData>& series) {
  // Check everything first so that a refused batch changes nothing, as the SQLite transaction.
  for (const auto& one : series) {
    if (one.key.area.empty() || one.key.indicator.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, "a series needs an area and an indicator");
    }
    for (const auto& observation : one.observations) {
      if (!(observation.value >= 0)) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "period " + observation.period + ": value is negative");
      }
    }
  }
  const std::lock_guard lock(mutex_);
  std::int64_t written = 0;
  for (const auto& one : series) {
    auto& stored = series_[Key{one.key.area, one.key.indicator, one.key.period}];
    for (const auto& observation : one.observations) stored[observation.period] = observation;
    written += static_cast<std::int64_t>(one.observations.size());
  }
  return written;
}

Result<std::vector<Observation>> MemorySeriesStore::Get(const SeriesKey& key) {
  const std::lock_guard lock(mutex_);
  const auto found = series_.find(Key{key.area, key.indicator, key.period});
  if (found == series_.end()) return MakeError(ErrorCode::kNotFound, "series not found");
  std::vector<Observation> observations;
  for (const auto& [period, observation] : found->second) observations.push_back(observation);
  return observations;
}

Result<std::vector<SeriesSummary>> MemorySeriesStore::List(const std::optional<std::string>& area) {
  const std::lock_guard lock(mutex_);
  std::vector<SeriesSummary> summaries;
  for (const auto& [key, observations] : series_) {
    if (area && std::get<0>(key) != *area) continue;
    SeriesSummary summary;
    summary.key = {std::get<0>(key), std::get<1>(key), std::get<2>(key)};
    summary.points = static_cast<std::int64_t>(observations.size());
    if (!observations.empty()) {
      summary.first_period = observations.begin()->first;
      summary.last_period = observations.rbegin()->first;
    }
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

Status MemorySeriesStore::Remove(const SeriesKey& key) {
  const std::lock_guard lock(mutex_);
  if (series_.erase(Key{key.area, key.indicator, key.period}) == 0) {
    return MakeError(ErrorCode::kNotFound, "series not found");
  }
  return {};
}

}  // namespace vigil::storage::memory
