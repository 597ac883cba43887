// Demand-side surges: daily counts per search term or indicator category run through one of the
// shared detectors (src/core/signals; EARS C1/C2 or the ratio-to-baseline rule by default), each
// surge reported with the series value, baseline and threshold that explain it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/monitor/lexicon_matcher.hpp"
#include "core/monitor/pipeline.hpp"
#include "core/monitor/post.hpp"
#include "core/signals/detect.hpp"

namespace vigil::core::monitor {

struct TermSeries {
  std::string term;
  std::vector<std::string> dates;  // consecutive days, YYYY-MM-DD
  std::vector<double> counts;
  int filled_days = 0;  // days absent from the input, counted as 0
};

struct Surge {
  std::string date;
  double observed = 0;
  std::optional<double> expected;
  std::optional<double> upper;
  std::optional<double> score;
};

struct TermTrend {
  std::string term;
  int days = 0;
  int filled_days = 0;
  std::vector<Surge> surges;                  // every alarmed day, oldest first
  std::optional<signals::DetectedPoint> latest;  // the last day, when it could be tested
  std::string latest_date;
  std::string problem;  // why the term could not be tested (e.g. too few days), else empty
};

struct TrendReport {
  signals::Method method = signals::Method::kEarsC2;
  std::vector<signals::ResolvedParam> params;  // from the first term that could be tested
  std::vector<TermTrend> terms;                // in input order
};

// Runs `method` with `params` (R names, as for `vigil warn detect`) on every term, at frequency
// 365. A term too short for the method is reported with its problem, not as an error; a bad
// parameter is an error (kInvalidArgument) for the whole run.
[[nodiscard]] Result<TrendReport> DetectTrends(const std::vector<TermSeries>& series, signals::Method method,
                                               const std::vector<signals::Parameter>& params);

struct DailyCount {
  std::string date;  // YYYY-MM-DD (UTC day of posted_at)
  std::string term;  // "posts", "category:<lure category>" or "term:<configured term>"
  double count = 0;
};

// Configured search terms to count in posts, each a phrase as in the lexicon (caseless, a space
// matches any white space, `word*` a stem). kInvalidArgument names the term that is empty or does
// not compile.
[[nodiscard]] Result<LexiconMatcher> BuildTermMatcher(const std::vector<std::string>& terms);

// Daily counts from a scan, for `monitor trends`: accepted posts per UTC day ("posts"), posts
// with at least one lure hit of a category ("category:<category>"; a post counts once per
// category) and, with `terms` (BuildTermMatcher), posts whose title or text holds a term
// ("term:<term>", once per post). Posts whose posted_at is not RFC 3339 are left out and counted
// in `undated`. Ordered by term, then date.
[[nodiscard]] Result<std::vector<DailyCount>> DailyCategoryCounts(const std::vector<Post>& posts,
                                                                 const PipelineResult& result, std::size_t& undated,
                                                                 const LexiconMatcher* terms = nullptr);

}  // namespace vigil::core::monitor
