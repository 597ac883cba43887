#include "codec/csv/term_counts.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <string>

#include "codec/csv/csv_reader.hpp"
#include "core/warn/period.hpp"

namespace vigil::codec::csv {
namespace {

tl::unexpected<Error> LineError(int line, const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, "line " + std::to_string(line) + ": " + message, "invalid-series");
}

}  // namespace

Result<std::vector<core::monitor::TermSeries>> ParseTermCounts(std::string_view text) {
  auto records = ParseCsv(text);
  if (!records) return tl::unexpected(records.error());
  if (records->empty()) return MakeError(ErrorCode::kInvalidArgument, "the counts file is empty", "invalid-series");
  std::map<std::string, std::size_t> columns;
  const CsvRecord& header = records->front();
  for (std::size_t i = 0; i < header.fields.size(); ++i) columns[NormaliseHeader(header.fields[i])] = i;
  for (const char* name : {"date", "term", "count"}) {
    if (!columns.contains(name)) {
      return LineError(header.line, std::string("the header has no \"") + name + "\" column (expected date,term,count)");
    }
  }
  // term → (day ordinal → count), terms kept in order of first appearance.
  std::vector<std::string> order;
  std::map<std::string, std::map<std::int64_t, std::pair<double, int>>> days;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    auto field = [&](const char* name) {
      const std::size_t column = columns[name];
      return column < record.fields.size() ? TrimField(record.fields[column]) : std::string();
    };
    const std::string term = field("term");
    if (term.empty()) return LineError(record.line, "term is empty");
    auto day = core::warn::ParsePeriod(field("date"), core::warn::PeriodKind::kDay);
    if (!day) return LineError(record.line, "date is not YYYY-MM-DD");
    const std::string count_text = field("count");
    double count = 0;
    const char* end = count_text.data() + count_text.size();
    auto [ptr, ec] = std::from_chars(count_text.data(), end, count);
    if (count_text.empty() || ec != std::errc() || ptr != end || !std::isfinite(count)) {
      return LineError(record.line, "count is not a number");
    }
    if (count < 0) return LineError(record.line, "count is negative");
    auto& term_days = days[term];
    if (term_days.empty()) order.push_back(term);
    if (const auto found = term_days.find(day->ordinal); found != term_days.end()) {
      return LineError(record.line, "term and date repeat line " + std::to_string(found->second.second));
    }
    term_days[day->ordinal] = {count, record.line};
  }
  std::vector<core::monitor::TermSeries> series;
  for (const std::string& term : order) {
    const auto& term_days = days[term];
    core::monitor::TermSeries one{.term = term};
    const std::int64_t first = term_days.begin()->first;
    const std::int64_t last = term_days.rbegin()->first;
    for (std::int64_t ordinal = first; ordinal <= last; ++ordinal) {
      const auto found = term_days.find(ordinal);
      one.dates.push_back(core::warn::RenderPeriod({core::warn::PeriodKind::kDay, ordinal}));
      one.counts.push_back(found == term_days.end() ? 0 : found->second.first);
      one.filled_days += found == term_days.end() ? 1 : 0;
    }
    series.push_back(std::move(one));
  }
  return series;
}

}  // namespace vigil::codec::csv
