#include "codec/csv/iom_dtm.hpp"

#include <charconv>
#include <map>
#include <tuple>

#include "codec/csv/series_csv.hpp"
#include "core/warn/period.hpp"

namespace vigil::codec::csv {
namespace {

using core::warn::ImportedSeries;
using core::warn::Observation;
using core::warn::PeriodKind;

tl::unexpected<Error> RowError(int line, const std::string& reason) {
  return MakeError(ErrorCode::kInvalidArgument, "line " + std::to_string(line) + ": " + reason,
                   "invalid-series");
}

std::optional<std::int64_t> ParseWhole(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// One round of one operation in one area.
struct RoundKey {
  std::string operation;
  std::string assessment;
  std::int64_t round = 0;
  std::int64_t day = 0;  // reporting date
  auto operator<=>(const RoundKey&) const = default;
};

struct RoundStock {
  std::int64_t individuals = 0;
  std::int64_t month = 0;
};

struct MonthPick {
  RoundKey key;
  std::int64_t individuals = 0;
};

}  // namespace

Result<DtmImport> ParseIomDtm(std::string_view text, std::optional<int> admin_level,
                              const std::string& source, const CsvProgress& progress) {
  auto records = ParseCsv(text, progress);
  if (!records) return tl::unexpected(records.error());
  if (records->empty()) return RowError(1, "the file is empty (expected a DTM header)");
  const CsvRecord& header = records->front();
  std::map<std::string, std::size_t> columns;
  for (std::size_t col = 0; col < header.fields.size(); ++col)
    columns.emplace(NormaliseHeader(header.fields[col]), col);
  const char* kRequired[] = {"adminlevel",  "admin0pcode",      "admin1pcode",
                             "admin2pcode", "numpresentidpind", "reportingdate",
                             "roundnumber", "operation",        "assessmenttype"};
  for (const char* name : kRequired) {
    if (!columns.contains(name))
      return RowError(header.line, std::string("column ") + name + " is missing");
  }
  auto col = [&](const char* name) { return columns.at(name); };

  DtmImport result;
  // area → round → stock
  std::map<std::string, std::map<RoundKey, RoundStock>> rounds;
  std::size_t first = 1;
  if (records->size() > 1 && !(*records)[1].fields.empty() &&
      !(*records)[1].fields[col("adminlevel")].empty() &&
      (*records)[1].fields[col("adminlevel")].front() == '#') {
    first = 2;
  }
  for (std::size_t idx = first; idx < records->size(); ++idx) {
    const CsvRecord& record = (*records)[idx];
    if (record.fields.size() != header.fields.size()) {
      return RowError(record.line, "expected " + std::to_string(header.fields.size()) +
                                       " fields, found " + std::to_string(record.fields.size()));
    }
    ++result.rows;
    const auto level = ParseWhole(record.fields[col("adminlevel")]);
    if (!level || *level < 0 || *level > 2)
      return RowError(record.line, "adminLevel must be 0, 1 or 2");
    if (admin_level && *level != *admin_level) continue;
    const char* code_column = *level == 0   ? "admin0pcode"
                              : *level == 1 ? "admin1pcode"
                                            : "admin2pcode";
    const std::string& area = record.fields[col(code_column)];
    if (area.empty())
      return RowError(record.line, std::string(header.fields[col(code_column)]) +
                                       " is empty at admin level " + std::to_string(*level));
    if (auto reason = core::warn::CheckAreaId(area); !reason.empty())
      return RowError(record.line, reason);
    const auto individuals = ParseWhole(record.fields[col("numpresentidpind")]);
    if (!individuals) return RowError(record.line, "numPresentIdpInd is not a whole number");
    if (*individuals < 0) return RowError(record.line, "numPresentIdpInd is negative");
    std::string_view date = record.fields[col("reportingdate")];
    if (date.size() > 10 && (date[10] == 'T' || date[10] == ' ')) date = date.substr(0, 10);
    auto day = core::warn::ParsePeriod(date, PeriodKind::kDay);
    if (!day) return RowError(record.line, "reportingDate: " + day.error().message);
    const auto round = ParseWhole(record.fields[col("roundnumber")]);
    if (!round) return RowError(record.line, "roundNumber is not a whole number");
    ++result.rows_used;
    RoundKey key{record.fields[col("operation")], record.fields[col("assessmenttype")], *round,
                 day->ordinal};
    RoundStock& stock = rounds[area][key];
    stock.individuals += *individuals;
    stock.month = core::warn::MonthOfDay(*day).ordinal;
  }

  for (const auto& [area, area_rounds] : rounds) {
    result.rounds += static_cast<std::int64_t>(area_rounds.size());
    // month → operation → the round kept for that month.
    std::map<std::int64_t, std::map<std::string, MonthPick>> picks;
    for (const auto& [key, stock] : area_rounds) {
      auto& slot = picks[stock.month];
      auto found = slot.find(key.operation);
      if (found == slot.end()) {
        slot.emplace(key.operation, MonthPick{key, stock.individuals});
        continue;
      }
      ++result.rounds_superseded;
      const RoundKey& held = found->second.key;
      const bool new_is_ba = key.assessment == "BA";
      const bool held_is_ba = held.assessment == "BA";
      const bool replace = new_is_ba != held_is_ba
                               ? new_is_ba
                               : std::tie(key.day, key.round) > std::tie(held.day, held.round);
      if (replace) found->second = MonthPick{key, stock.individuals};
    }
    ImportedSeries series{{area, "idp-stock", PeriodKind::kMonth}, {}};
    const std::int64_t first_month = picks.begin()->first;
    const std::int64_t last_month = picks.rbegin()->first;
    Observation last{};
    std::string last_label;
    for (std::int64_t month = first_month; month <= last_month; ++month) {
      const std::string label = core::warn::RenderPeriod({PeriodKind::kMonth, month});
      const auto found = picks.find(month);
      if (found == picks.end()) {
        series.observations.push_back(
            {label, last.value, source + "; carried forward from " + last_label});
        ++result.months_carried;
        continue;
      }
      double total = 0;
      std::string rounds_text;
      for (const auto& [operation, pick] : found->second) {
        total += static_cast<double>(pick.individuals);
        rounds_text += (rounds_text.empty() ? "" : " + ") + operation + " round " +
                       std::to_string(pick.key.round) + " (" + pick.key.assessment + ")";
      }
      last = Observation{label, total, source + "; " + rounds_text};
      last_label = label;
      series.observations.push_back(last);
      ++result.months_observed;
    }
    result.series.push_back(std::move(series));
  }
  return result;
}

}  // namespace vigil::codec::csv
