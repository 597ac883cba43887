#include "codec/csv/detect_series.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "codec/csv/csv_reader.hpp"
#include "core/warn/period.hpp"

namespace vigil::codec::csv {
namespace {

using core::warn::Period;
using core::warn::PeriodKind;

tl::unexpected<Error> RowError(int line, const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, "line " + std::to_string(line) + ": " + message, "invalid-series");
}

std::optional<double> Number(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

enum class Form { kInteger, kDay, kWeek, kMonth };

const char* FormName(Form form) {
  switch (form) {
    case Form::kInteger: return "an integer";
    case Form::kDay: return "a date YYYY-MM-DD";
    case Form::kWeek: return "an ISO week YYYY-Www";
    case Form::kMonth: return "a month YYYY-MM";
  }
  return "";
}

std::optional<std::pair<Form, std::int64_t>> ParseLabel(const std::string& text, int frequency) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 10) {
    return std::pair{Form::kInteger, static_cast<std::int64_t>(std::stoll(text))};
  }
  auto period = core::warn::ParsePeriodAnyKind(text);
  if (!period) return std::nullopt;
  switch (period->kind) {
    case PeriodKind::kWeek: return std::pair{Form::kWeek, period->ordinal};
    case PeriodKind::kMonth: return std::pair{Form::kMonth, period->ordinal};
    case PeriodKind::kDay:
      // Dates of monthly series step by a month; others by days (checked against the step).
      if (frequency == 12) return std::pair{Form::kDay, core::warn::MonthOfDay(*period).ordinal};
      return std::pair{Form::kDay, period->ordinal};
  }
  return std::nullopt;
}

}  // namespace

Result<DetectSeries> ParseDetectSeries(std::string_view text, int frequency) {
  auto records = ParseCsv(text);
  if (!records) return tl::unexpected(records.error());
  if (records->empty()) return MakeError(ErrorCode::kInvalidArgument, "the series file is empty", "invalid-series");
  const CsvRecord& header = records->front();
  std::map<std::string, std::size_t> columns;
  for (std::size_t i = 0; i < header.fields.size(); ++i) columns[NormaliseHeader(header.fields[i])] = i;
  for (const char* required : {"period", "observed"}) {
    if (!columns.contains(required)) {
      return RowError(header.line, std::string("the header has no \"") + required +
                                       "\" column (expected period,observed[,state][,population])");
    }
  }
  const std::size_t period_column = columns["period"];
  const std::size_t observed_column = columns["observed"];
  constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  const std::size_t state_column = columns.contains("state") ? columns["state"] : kAbsent;
  const std::size_t population_column = columns.contains("population") ? columns["population"] : kAbsent;
  // Dates of weekly series are 7 days apart, of daily series 1, of monthly series 1 month.
  const std::int64_t step = frequency == 52 ? 7 : 1;

  DetectSeries series;
  std::optional<Form> form;
  std::optional<std::int64_t> previous;
  std::map<std::int64_t, int> seen;  // ordinal → line
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    auto field = [&](std::size_t column) { return column < record.fields.size() ? TrimField(record.fields[column]) : std::string(); };
    const std::string label = field(period_column);
    const auto parsed = ParseLabel(label, frequency);
    if (!parsed) {
      return RowError(record.line, "period is not YYYY-MM-DD, YYYY-Www, YYYY-MM or an integer");
    }
    if (form && *form != parsed->first) {
      return RowError(record.line, std::string("period should be ") + FormName(*form) + " like the first row");
    }
    form = parsed->first;
    const std::int64_t ordinal = parsed->second;
    if (const auto found = seen.find(ordinal); found != seen.end()) {
      return RowError(record.line, "period " + label + " repeats line " + std::to_string(found->second));
    }
    seen[ordinal] = record.line;
    const std::int64_t expected_step = parsed->first == Form::kDay ? step : 1;
    if (previous && ordinal != *previous + expected_step) {
      if (ordinal < *previous) return RowError(record.line, "period " + label + " is out of order");
      return RowError(record.line, "period " + label + " leaves a gap after the previous row (" +
                                       std::to_string((ordinal - *previous) / expected_step - 1) +
                                       " period(s) missing)");
    }
    previous = ordinal;
    const std::string observed_text = field(observed_column);
    const auto observed = Number(observed_text);
    if (!observed) return RowError(record.line, "observed is not a number");
    if (*observed < 0) return RowError(record.line, "observed is negative");
    series.periods.push_back(label);
    series.observed.push_back(*observed);
    if (state_column != kAbsent) {
      const std::string state = field(state_column);
      if (state != "0" && state != "1" && !state.empty()) return RowError(record.line, "state must be 0 or 1");
      series.state.push_back(state == "1" ? 1 : 0);
    }
    if (population_column != kAbsent) {
      const auto population = Number(field(population_column));
      if (!population || *population <= 0) return RowError(record.line, "population is not a number > 0");
      series.population.push_back(*population);
    }
  }
  if (series.observed.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "the series file has a header but no rows", "invalid-series");
  }
  return series;
}

}  // namespace vigil::codec::csv
