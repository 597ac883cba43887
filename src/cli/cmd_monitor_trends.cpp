// `vigil monitor trends`: demand-side surges in daily search-term (or category) volumes.
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "codec/csv/term_counts.hpp"
#include "codec/json/trends_json.hpp"
#include "core/monitor/trends.hpp"

namespace vigil::cli {
namespace {

std::string Brief(const std::optional<double>& value) {
  if (!value) return "-";
  std::ostringstream out;
  out.precision(4);
  out << *value;
  return out.str();
}

}  // namespace

int RunMonitorTrends(const app::Settings& /*settings*/, log::Logger& /*logger*/, const MonitorTrendsArgs& args) {
  const auto method = core::signals::ParseMethod(args.method);
  if (!method) {
    std::string names;
    for (const auto name : core::signals::MethodNames()) names += (names.empty() ? "" : ", ") + std::string(name);
    return ReportError({ErrorCode::kInvalidArgument, "--method must be one of " + names});
  }
  auto params = ParseDetectorArguments(args.extras);
  if (!params) return ReportError(params.error());
  auto text = ReadInputText(args.in);
  if (!text) return ReportError(text.error());
  auto series = codec::csv::ParseTermCounts(*text);
  if (!series) return ReportError(series.error());
  auto report = core::monitor::DetectTrends(*series, *method, *params);
  if (!report) return ReportError(report.error());
  if (args.format == "text") {
    for (const auto& term : report->terms) {
      std::cout << term.term << ": " << term.days << " days";
      if (term.filled_days > 0) std::cout << " (" << term.filled_days << " missing days counted as 0)";
      if (!term.problem.empty()) {
        std::cout << "; not tested: " << term.problem << "\n";
        continue;
      }
      std::cout << "; " << term.surges.size() << " surge day(s)";
      if (term.latest && term.latest->alarm) std::cout << ", surging on " << term.latest_date;
      std::cout << "\n";
      for (const auto& surge : term.surges) {
        std::cout << "  " << surge.date << ": " << surge.observed << " against a baseline of "
                  << Brief(surge.expected) << " (threshold " << Brief(surge.upper) << ")\n";
      }
    }
    return kExitOk;
  }
  if (args.format != "json") return ReportError({ErrorCode::kInvalidArgument, "--format must be json or text"});
  std::cout << codec::json::RenderTrendReport(*report) << "\n";
  return kExitOk;
}

}  // namespace vigil::cli
