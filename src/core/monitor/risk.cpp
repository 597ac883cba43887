#include "core/monitor/risk.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace vigil::core::monitor {
namespace {

std::string FormatPoints(double points) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2g", points);
  return buffer;
}

double Total(const std::vector<RiskReason>& reasons) {
  double total = 0.0;
  for (const auto& reason : reasons) total += reason.points;
  return total;
}

}  // namespace

std::vector<IndicatorHit> ToIndicatorHits(const LexiconMatcher& matcher,
                                          const std::vector<LexiconHit>& hits) {
  std::vector<IndicatorHit> out;
  out.reserve(hits.size());
  for (const auto& hit : hits) {
    out.push_back({std::string(hit.indicator), std::string(hit.category),
                   matcher.entries()[hit.entry].weight});
  }
  return out;
}

RiskScore ComputePostRisk(const std::vector<IndicatorHit>& hits, const RiskOptions& options) {
  struct Found {
    std::string category;
    double weight = 0.0;
    std::size_t count = 0;
  };
  std::map<std::string, Found> by_indicator;
  for (const auto& hit : hits) {
    Found& found = by_indicator[hit.indicator];
    found.category = hit.category;
    found.weight = std::max(found.weight, hit.weight);
    ++found.count;
  }
  RiskScore score;
  std::map<std::string, double> by_category;
  for (const auto& [indicator, found] : by_indicator) {
    score.reasons.push_back({"indicator", indicator, found.weight,
                             "lure \"" + indicator + "\" (" + found.category + "), " +
                                 std::to_string(found.count) + " hit(s)"});
    by_category[found.category] += found.weight;
  }
  for (const auto& [category, points] : by_category) {
    const auto cap_it = options.category_caps.find(category);
    const double cap = cap_it != options.category_caps.end() ? cap_it->second : options.default_category_cap;
    if (points > cap) {
      score.reasons.push_back({"category-cap", category, cap - points,
                               "category \"" + category + "\" is capped at " + FormatPoints(cap) +
                                   " points"});
    }
  }
  score.total = Total(score.reasons);
  return score;
}

RiskScore ComputeClusterRisk(const Cluster& cluster, const std::vector<LinkPost>& posts,
                             const std::vector<RiskScore>& post_risks, const RiskOptions& options) {
  RiskScore score;
  std::size_t top = cluster.members.front();
  for (std::size_t member : cluster.members) {
    if (post_risks[member].total > post_risks[top].total) top = member;
  }
  score.reasons.push_back({"top-post", std::to_string(top), post_risks[top].total,
                           "the riskiest post of the cluster"});

  // One identifier across many cities or sources: the widest spread counts, once per signal.
  std::size_t most_cities = 0, most_sources = 0;
  std::string cities_type, sources_type;
  for (const auto& identifier : cluster.shared_identifiers) {
    std::set<std::string> cities, sources;
    for (std::size_t post : identifier.posts) {
      if (!posts[post].city.empty()) cities.insert(posts[post].city);
      sources.insert(posts[post].source);
    }
    if (cities.size() > most_cities) most_cities = cities.size(), cities_type = identifier.type;
    if (sources.size() > most_sources) most_sources = sources.size(), sources_type = identifier.type;
  }
  if (most_cities >= options.identifier_cities) {
    score.reasons.push_back({"identifier-cities", cities_type, options.identifier_cities_points,
                             "one " + cities_type + " in posts from " + std::to_string(most_cities) +
                                 " cities"});
  }
  if (most_sources >= options.identifier_sources) {
    score.reasons.push_back({"identifier-sources", sources_type, options.identifier_sources_points,
                             "one " + sources_type + " in posts from " +
                                 std::to_string(most_sources) + " sources"});
  }

  // Many posts in a short time: the largest number inside any window of burst_seconds.
  std::vector<std::int64_t> times;
  for (std::size_t member : cluster.members) {
    if (posts[member].posted_at) times.push_back(*posts[member].posted_at);
  }
  std::sort(times.begin(), times.end());
  std::size_t densest = 0;
  for (std::size_t first = 0, last = 0; last < times.size(); ++last) {
    while (times[last] - times[first] > options.burst_seconds) ++first;
    densest = std::max(densest, last - first + 1);
  }
  if (densest >= options.burst_posts) {
    score.reasons.push_back({"burst", std::to_string(densest), options.burst_points,
                             std::to_string(densest) + " posts within " +
                                 std::to_string(options.burst_seconds / 3600) + " hours"});
  }
  if (cluster.languages.size() >= options.languages) {
    score.reasons.push_back({"languages", std::to_string(cluster.languages.size()),
                             options.languages_points,
                             "posts in " + std::to_string(cluster.languages.size()) + " languages"});
  }
  score.total = Total(score.reasons);
  return score;
}

}  // namespace vigil::core::monitor
