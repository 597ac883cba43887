#include "core/monitor/trends.hpp"

#include <map>
#include <set>

namespace vigil::core::monitor {

Result<TrendReport> DetectTrends(const std::vector<TermSeries>& series, signals::Method method,
                                 const std::vector<signals::Parameter>& params) {
  TrendReport report;
  report.method = method;
  for (const TermSeries& term : series) {
    TermTrend trend{.term = term.term,
                    .days = static_cast<int>(term.counts.size()),
                    .filled_days = term.filled_days};
    auto detection = signals::Detect(method, params, signals::DetectInput{.observed = term.counts, .frequency = 365});
    if (!detection) {
      const std::string& reason = detection.error().reason;
      if (reason != "series-too-short" && reason != "range-out-of-bounds") return tl::unexpected(detection.error());
      trend.problem = detection.error().message;
      report.terms.push_back(std::move(trend));
      continue;
    }
    if (report.params.empty()) report.params = detection->params;
    for (const signals::DetectedPoint& point : detection->points) {
      const std::string& date = term.dates[static_cast<std::size_t>(point.index - 1)];
      if (point.alarm) {
        trend.surges.push_back(
            {.date = date, .observed = point.observed, .expected = point.expected, .upper = point.upper, .score = point.score});
      }
    }
    if (!detection->points.empty() && detection->points.back().index == trend.days) {
      trend.latest = detection->points.back();
      trend.latest_date = term.dates.back();
    }
    report.terms.push_back(std::move(trend));
  }
  return report;
}

std::vector<DailyCount> DailyCategoryCounts(const std::vector<Post>& posts, const PipelineResult& result,
                                            std::size_t& undated) {
  undated = 0;
  std::map<std::pair<std::string, std::string>, double> counts;  // (term, date) → count
  for (const PostResult& post : result.posts) {
    const auto seconds = ParseRfc3339(posts[post.input_index].posted_at);
    if (!seconds) {
      ++undated;
      continue;
    }
    const std::string date = FormatRfc3339(*seconds).substr(0, 10);
    counts[{"posts", date}] += 1;
    std::set<std::string> categories;
    for (const IndicatorMatch& match : post.indicators) categories.insert(match.category);
    for (const std::string& category : categories) counts[{"category:" + category, date}] += 1;
  }
  std::vector<DailyCount> out;
  out.reserve(counts.size());
  for (const auto& [key, count] : counts) out.push_back({.date = key.second, .term = key.first, .count = count});
  return out;
}

}  // namespace vigil::core::monitor
