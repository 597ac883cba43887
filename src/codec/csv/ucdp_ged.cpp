#include "codec/csv/ucdp_ged.hpp"

#include <charconv>
#include <map>
#include <set>

#include "core/warn/period.hpp"

namespace vigil::codec::csv {
namespace {

using core::warn::ImportedSeries;
using core::warn::Observation;
using core::warn::Period;
using core::warn::PeriodKind;

tl::unexpected<Error> RowError(int line, const std::string& reason) {
  return MakeError(ErrorCode::kInvalidArgument, "line " + std::to_string(line) + ": " + reason,
                   "invalid-series");
}

std::optional<std::int64_t> ParseCount(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

struct MonthTotals {
  std::int64_t events = 0;
  std::int64_t fatalities = 0;
};

}  // namespace

Result<UcdpImport> ParseUcdpGed(std::string_view text, UcdpLevel level, const std::string& source,
                                const CsvProgress& progress) {
  auto records = ParseCsv(text, progress);
  if (!records) return tl::unexpected(records.error());
  if (records->empty()) return RowError(1, "the file is empty (expected a UCDP GED header)");
  const CsvRecord& header = records->front();
  std::map<std::string, std::size_t> columns;
  for (std::size_t col = 0; col < header.fields.size(); ++col)
    columns.emplace(NormaliseHeader(header.fields[col]), col);
  const std::string area_column = level == UcdpLevel::kAdm1 ? "adm_1" : "priogrid_gid";
  for (const std::string& required :
       {std::string("date_start"), std::string("best"), std::string("iso3"), area_column}) {
    if (!columns.contains(required))
      return RowError(header.line, "column " + required + " is missing");
  }
  const std::size_t date_col = columns.at("date_start");
  const std::size_t best_col = columns.at("best");
  const std::size_t iso_col = columns.at("iso3");
  const std::size_t area_col = columns.at(area_column);

  std::map<std::string, std::map<std::int64_t, MonthTotals>> by_area;
  std::set<std::int64_t> event_months;
  UcdpImport result;
  std::size_t first = 1;
  if (records->size() > 1 && !(*records)[1].fields.empty()) {
    // The HXL hashtag row: every non-empty field starts with '#'.
    bool hashtags = false;
    bool others = false;
    for (const auto& field : (*records)[1].fields) {
      if (field.empty()) continue;
      (field.front() == '#' ? hashtags : others) = true;
    }
    if (hashtags && !others) first = 2;
  }
  for (std::size_t idx = first; idx < records->size(); ++idx) {
    const CsvRecord& record = (*records)[idx];
    if (record.fields.size() != header.fields.size()) {
      return RowError(record.line, "expected " + std::to_string(header.fields.size()) +
                                       " fields, found " + std::to_string(record.fields.size()));
    }
    std::string_view date = record.fields[date_col];
    if (date.size() > 10 && (date[10] == ' ' || date[10] == 'T')) date = date.substr(0, 10);
    auto day = core::warn::ParsePeriod(date, PeriodKind::kDay);
    if (!day) return RowError(record.line, "date_start: " + day.error().message);
    const auto best = ParseCount(record.fields[best_col]);
    if (!best) return RowError(record.line, "best is not a whole number ≥ 0");
    const std::string& iso3 = record.fields[iso_col];
    if (iso3.empty() && level == UcdpLevel::kAdm1) return RowError(record.line, "iso3 is empty");
    std::string area;
    if (level == UcdpLevel::kAdm1) {
      const std::string& adm1 = record.fields[area_col];
      area = iso3 + ":" + (adm1.empty() ? "unlocated" : adm1);
    } else {
      const auto cell = ParseCount(record.fields[area_col]);
      if (!cell) return RowError(record.line, "priogrid_gid is not a whole number");
      area = "pg:" + record.fields[area_col];
    }
    if (auto reason = core::warn::CheckAreaId(area); !reason.empty())
      return RowError(record.line, reason);
    const Period month = core::warn::MonthOfDay(*day);
    MonthTotals& totals = by_area[area][month.ordinal];
    totals.events += 1;
    totals.fatalities += *best;
    event_months.insert(month.ordinal);
    result.events += 1;
    result.fatalities += static_cast<double>(*best);
  }
  if (event_months.empty()) return RowError(header.line, "the file has no events");

  const std::int64_t first_month = *event_months.begin();
  const std::int64_t last_month = *event_months.rbegin();
  result.months = last_month - first_month + 1;
  result.event_months = static_cast<std::int64_t>(event_months.size());
  result.areas = static_cast<std::int64_t>(by_area.size());
  for (const auto& [area, months] : by_area) {
    ImportedSeries events{{area, "conflict-events", PeriodKind::kMonth}, {}};
    ImportedSeries deaths{{area, "conflict-fatalities", PeriodKind::kMonth}, {}};
    events.observations.reserve(static_cast<std::size_t>(result.months));
    deaths.observations.reserve(static_cast<std::size_t>(result.months));
    for (std::int64_t month = first_month; month <= last_month; ++month) {
      const auto found = months.find(month);
      const MonthTotals totals = found == months.end() ? MonthTotals{} : found->second;
      const std::string label = core::warn::RenderPeriod({PeriodKind::kMonth, month});
      events.observations.push_back(Observation{label, static_cast<double>(totals.events), source});
      deaths.observations.push_back(
          Observation{label, static_cast<double>(totals.fatalities), source});
    }
    result.series.push_back(std::move(events));
    result.series.push_back(std::move(deaths));
  }
  return result;
}

}  // namespace vigil::codec::csv
