#include "core/warn/series_check.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "core/warn/period.hpp"

namespace vigil::core::warn {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A finite decimal number; from_chars is locale-independent.
std::optional<double> ParseValue(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

struct PendingPoint {
  Period period;
  double value = 0;
  std::string source;
  int line = 0;
};

struct PendingSeries {
  PeriodKind kind = PeriodKind::kMonth;
  std::vector<PendingPoint> points;
};

}  // namespace

std::string CheckAreaId(std::string_view area) {
  if (area.empty()) return "area is empty";
  if (area.size() > 64) return "area id is longer than 64 bytes";
  for (const char c : area) {
    if (c == '/') return "area id must not contain '/'";
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "area id has a control character";
  }
  return {};
}

std::string RenderRowProblems(const std::vector<RowProblem>& problems, std::size_t max_problems) {
  std::string message;
  for (std::size_t idx = 0; idx < problems.size() && idx < max_problems; ++idx) {
    if (!message.empty()) message += "\n";
    message += (problems[idx].line > 0 ? "line " + std::to_string(problems[idx].line) + ": " : "") +
               problems[idx].reason;
  }
  if (problems.size() > max_problems) {
    message += "\n… and " + std::to_string(problems.size() - max_problems) + " more problems";
  }
  return message;
}

Result<std::vector<ImportedSeries>> ValidateSeriesRows(const std::vector<SeriesRow>& rows,
                                                       const Catalogue* catalogue,
                                                       const SeriesCheckOptions& options) {
  std::vector<RowProblem> problems;
  std::map<std::pair<std::string, std::string>, PendingSeries> grouped;
  for (const SeriesRow& row : rows) {
    const std::string area(Trim(row.area));
    const std::string indicator(Trim(row.indicator));
    if (auto reason = CheckAreaId(area); !reason.empty()) {
      problems.push_back({row.line, reason});
      continue;
    }
    if (indicator.empty()) {
      problems.push_back({row.line, "indicator is empty"});
      continue;
    }
    const Indicator* known = catalogue ? catalogue->Find(indicator) : nullptr;
    if (catalogue && !known) {
      problems.push_back({row.line, "indicator \"" + indicator + "\" is not in the catalogue"});
      continue;
    }
    auto slot = grouped.find({area, indicator});
    Result<Period> period = known                   ? ParsePeriod(row.period, known->period)
                            : slot != grouped.end() ? ParsePeriod(row.period, slot->second.kind)
                                                    : ParsePeriodAnyKind(row.period);
    if (!period) {
      problems.push_back({row.line, "period: " + period.error().message});
      continue;
    }
    const auto value = ParseValue(row.value);
    if (!value) {
      problems.push_back({row.line, "value is not a number"});
      continue;
    }
    if (*value < 0) {
      problems.push_back({row.line, "value is negative"});
      continue;
    }
    if (slot == grouped.end())
      slot = grouped.emplace(std::pair{area, indicator}, PendingSeries{period->kind, {}}).first;
    const std::string source(Trim(row.source));
    slot->second.points.push_back(
        {*period, *value, source.empty() ? options.default_source : source, row.line});
  }

  std::vector<ImportedSeries> result;
  for (auto& [names, pending] : grouped) {
    auto& points = pending.points;
    std::stable_sort(
        points.begin(), points.end(),
        [](const PendingPoint& a, const PendingPoint& b) { return a.period < b.period; });
    for (std::size_t idx = 1; idx < points.size(); ++idx) {
      const std::int64_t step = Distance(points[idx - 1].period, points[idx].period);
      const std::string series = names.first + " × " + names.second;
      if (step == 0) {
        problems.push_back({points[idx].line, "period " + RenderPeriod(points[idx].period) +
                                                  " of " + series + " is also on line " +
                                                  std::to_string(points[idx - 1].line)});
      } else if (step > 1) {
        std::string missing = RenderPeriod(Next(points[idx - 1].period));
        if (step > 2)
          missing += "…" + RenderPeriod({points[idx].period.kind, points[idx].period.ordinal - 1});
        problems.push_back(
            {points[idx].line, "gap in " + series + ": " + std::to_string(step - 1) + " period" +
                                   (step == 2 ? "" : "s") + " missing before " +
                                   RenderPeriod(points[idx].period) + " (" + missing + ")"});
      }
    }
    ImportedSeries series{{names.first, names.second, pending.kind}, {}};
    series.observations.reserve(points.size());
    for (const auto& point : points) {
      series.observations.push_back({RenderPeriod(point.period), point.value, point.source});
    }
    result.push_back(std::move(series));
  }
  if (!problems.empty()) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const RowProblem& a, const RowProblem& b) { return a.line < b.line; });
    return MakeError(ErrorCode::kInvalidArgument, RenderRowProblems(problems, options.max_problems),
                     "invalid-series");
  }
  return result;
}

}  // namespace vigil::core::warn
