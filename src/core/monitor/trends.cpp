#include "core/monitor/trends.hpp"

#include <map>
#include <optional>
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

Result<LexiconMatcher> BuildTermMatcher(const std::vector<std::string>& terms) {
  std::vector<LexiconEntry> entries;
  for (std::size_t idx = 0; idx < terms.size(); ++idx) {
    if (terms[idx].find_first_not_of(" \t") == std::string::npos) {
      return MakeError(ErrorCode::kInvalidArgument, "term " + std::to_string(idx + 1) + " is empty");
    }
    LexiconEntry entry;
    entry.id = terms[idx];
    entry.indicator = "term";
    entry.category = "term";
    entry.weight = 1.0;
    entry.patterns = {{PatternKind::kPhrase, terms[idx]}};
    entry.file = "terms";
    entry.line = static_cast<int>(idx + 1);
    entries.push_back(std::move(entry));
  }
  return LexiconMatcher::Build(std::move(entries));
}

Result<std::vector<DailyCount>> DailyCategoryCounts(const std::vector<Post>& posts, const PipelineResult& result,
                                                    std::size_t& undated, const LexiconMatcher* terms) {
  undated = 0;
  std::optional<LexiconScratch> scratch;
  if (terms != nullptr) {
    auto made = terms->NewScratch();
    if (!made) return tl::unexpected(made.error());
    scratch = std::move(*made);
  }
  std::map<std::pair<std::string, std::string>, double> counts;  // (term, date) → count
  for (const PostResult& post : result.posts) {
    const Post& input = posts[post.input_index];
    const auto seconds = ParseRfc3339(input.posted_at);
    if (!seconds) {
      ++undated;
      continue;
    }
    const std::string date = FormatRfc3339(*seconds).substr(0, 10);
    counts[{"posts", date}] += 1;
    std::set<std::string> found;
    for (const IndicatorMatch& match : post.indicators) found.insert("category:" + match.category);
    if (terms != nullptr) {
      for (const std::string* field : {input.title ? &*input.title : nullptr, &input.text}) {
        if (field == nullptr) continue;
        auto hits = terms->Scan(*field, *scratch);
        if (!hits) return tl::unexpected(hits.error());
        for (const LexiconHit& hit : *hits) found.insert("term:" + std::string(hit.entry_id));
      }
    }
    for (const std::string& term : found) counts[{term, date}] += 1;
  }
  std::vector<DailyCount> out;
  out.reserve(counts.size());
  for (const auto& [key, count] : counts) out.push_back({.date = key.second, .term = key.first, .count = count});
  return out;
}

}  // namespace vigil::core::monitor
