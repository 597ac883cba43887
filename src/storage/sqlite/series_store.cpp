#include "storage/sqlite/series_store.hpp"

#include <charconv>
#include <cstdio>

#include "core/warn/period.hpp"

namespace vigil::storage::sqlite {
namespace {

using core::warn::Observation;
using core::warn::PeriodKind;
using core::warn::SeriesKey;
using core::warn::SeriesSummary;

PeriodKind ParseKind(std::string_view text) {
  if (text == "day") return PeriodKind::kDay;
  if (text == "week") return PeriodKind::kWeek;
  return PeriodKind::kMonth;
}

// Values travel as text (the statement layer binds integers and text); the column's REAL
// affinity stores them as doubles, and they are read back with printf("%.17g"), which
// round-trips every double.
std::string ValueText(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

double ParseValue(const std::string& text) {
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

Status CheckKey(const SeriesKey& key) {
  if (key.area.empty() || key.indicator.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "a series needs an area and an indicator");
  }
  return {};
}

// REQUIRES: the caller holds db.mutex(). nullopt when the series does not exist.
Result<std::optional<std::int64_t>> FindSeriesId(Database& db, const SeriesKey& key) {
  auto stmt =
      db.Prepare("SELECT id FROM warn_series WHERE area = ? AND indicator = ? AND period_kind = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, key.area).Bind(2, key.indicator).Bind(3, core::warn::PeriodKindName(key.period));
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(stmt->ColumnInt(0));
}

}  // namespace

Result<std::int64_t> SqliteSeriesStore::UpsertLocked(const SeriesKey& key,
                                                     const std::vector<Observation>& observations) {
  if (auto checked = CheckKey(key); !checked) return tl::unexpected(checked.error());
  auto id = FindSeriesId(db_, key);
  if (!id) return tl::unexpected(id.error());
  if (!*id) {
    auto insert =
        db_.Prepare("INSERT INTO warn_series(area, indicator, period_kind) VALUES(?,?,?)");
    if (!insert) return tl::unexpected(insert.error());
    insert->Bind(1, key.area).Bind(2, key.indicator).Bind(3, core::warn::PeriodKindName(key.period));
    if (auto ran = insert->Run(); !ran) return tl::unexpected(ran.error());
    *id = db_.LastInsertId();
  }
  for (const Observation& observation : observations) {
    if (!(observation.value >= 0)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "period " + observation.period + ": value is negative");
    }
    auto stmt = db_.Prepare(
        "INSERT INTO warn_observations(series_id, period, value, source) VALUES(?,?,?,?) "
        "ON CONFLICT(series_id, period) DO UPDATE SET value = excluded.value, source = "
        "excluded.source");
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, **id)
        .Bind(2, observation.period)
        .Bind(3, ValueText(observation.value))
        .Bind(4, observation.source);
    if (auto ran = stmt->Run(); !ran) return tl::unexpected(ran.error());
  }
  return static_cast<std::int64_t>(observations.size());
}

Result<std::int64_t> SqliteSeriesStore::Upsert(const SeriesKey& key,
                                               const std::vector<Observation>& observations) {
  return UpsertAll({core::warn::SeriesData{key, observations}});
}

Result<std::int64_t> SqliteSeriesStore::UpsertAll(
    const std::vector<core::warn::SeriesData>& series) {
  const std::lock_guard lock(db_.mutex());
  auto tx = Transaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  std::int64_t written = 0;
  for (const auto& one : series) {
    auto count = UpsertLocked(one.key, one.observations);
    if (!count) return tl::unexpected(count.error());  // the transaction rolls back
    written += *count;
  }
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return written;
}

Result<std::vector<Observation>> SqliteSeriesStore::Get(const SeriesKey& key) {
  const std::lock_guard lock(db_.mutex());
  auto id = FindSeriesId(db_, key);
  if (!id) return tl::unexpected(id.error());
  if (!*id) return MakeError(ErrorCode::kNotFound, "series not found");
  auto stmt = db_.Prepare(
      "SELECT period, printf('%.17g', value), source FROM warn_observations WHERE series_id = ? "
      "ORDER BY period");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, **id);
  std::vector<Observation> observations;
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    observations.push_back(
        {stmt->ColumnText(0), ParseValue(stmt->ColumnText(1)), stmt->ColumnText(2)});
  }
  return observations;
}

Result<std::vector<SeriesSummary>> SqliteSeriesStore::List(const std::optional<std::string>& area) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(
      "SELECT s.area, s.indicator, s.period_kind, COUNT(o.period), MIN(o.period), MAX(o.period) "
      "FROM warn_series s LEFT JOIN warn_observations o ON o.series_id = s.id "
      "WHERE ?1 IS NULL OR s.area = ?1 GROUP BY s.id ORDER BY s.area, s.indicator, s.period_kind");
  if (!stmt) return tl::unexpected(stmt.error());
  if (area) {
    stmt->Bind(1, *area);
  } else {
    stmt->BindNull(1);
  }
  std::vector<SeriesSummary> summaries;
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    SeriesSummary summary;
    summary.key = {stmt->ColumnText(0), stmt->ColumnText(1), ParseKind(stmt->ColumnText(2))};
    summary.points = stmt->ColumnInt(3);
    summary.first_period = stmt->ColumnIsNull(4) ? "" : stmt->ColumnText(4);
    summary.last_period = stmt->ColumnIsNull(5) ? "" : stmt->ColumnText(5);
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

Status SqliteSeriesStore::Remove(const SeriesKey& key) {
  const std::lock_guard lock(db_.mutex());
  auto id = FindSeriesId(db_, key);
  if (!id) return tl::unexpected(id.error());
  if (!*id) return MakeError(ErrorCode::kNotFound, "series not found");
  auto tx = Transaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  for (const char* sql : {"DELETE FROM warn_observations WHERE series_id = ?",
                          "DELETE FROM warn_series WHERE id = ?"}) {
    auto stmt = db_.Prepare(sql);
    if (!stmt) return tl::unexpected(stmt.error());
    stmt->Bind(1, **id);
    if (auto ran = stmt->Run(); !ran) return tl::unexpected(ran.error());
  }
  return tx->Commit();
}

}  // namespace vigil::storage::sqlite
