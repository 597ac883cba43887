// Explainable risk scores: a post's score is the sum of its lure indicators' weights, capped per
// category; a cluster's score is its riskiest post plus cluster signals (one identifier across
// many cities or sources, many posts in a short time, many languages). Every point of a score is
// carried by a named reason, and the reasons add up to the total.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/monitor/lexicon_matcher.hpp"
#include "core/monitor/linking.hpp"

namespace vigil::core::monitor {

// One lexicon hit as the score sees it (see LexiconHit and LexiconEntry::weight).
struct IndicatorHit {
  std::string indicator;
  std::string category;
  double weight = 0.0;
};

// The hits of one scan by `matcher` as the score sees them (each with its entry's weight).
[[nodiscard]] std::vector<IndicatorHit> ToIndicatorHits(const LexiconMatcher& matcher,
                                                        const std::vector<LexiconHit>& hits);

struct RiskReason {
  // Stable code: "indicator" (a lure found), "category-cap" (points above a category's cap taken
  // off, negative), "top-post" (the riskiest member of a cluster), "identifier-cities",
  // "identifier-sources", "burst", "languages".
  std::string code;
  std::string subject;  // indicator id, category, post index or identifier type; never a raw value
  double points = 0.0;
  std::string detail;   // a short explanation in English, safe to show (no identifier values)
};

struct RiskScore {
  double total = 0.0;
  std::vector<RiskReason> reasons;
};

struct RiskOptions {
  std::map<std::string, double> category_caps;  // per category; others use default_category_cap
  double default_category_cap = 3.0;
  // Cluster signals: each adds its points once when its threshold is reached.
  std::size_t identifier_cities = 3;   // one identifier seen in at least this many cities
  double identifier_cities_points = 2.0;
  std::size_t identifier_sources = 3;  // one identifier seen in at least this many sources
  double identifier_sources_points = 2.0;
  std::size_t burst_posts = 5;               // at least this many posts ...
  std::int64_t burst_seconds = 24 * 60 * 60;  // ... within this many seconds
  double burst_points = 1.5;
  std::size_t languages = 3;  // posts in at least this many languages
  double languages_points = 1.5;
};

// A post's score: each indicator counts once (its highest weight among the hits), then points above
// a category's cap are taken off by a "category-cap" reason. Reasons ordered by indicator id.
[[nodiscard]] RiskScore ComputePostRisk(const std::vector<IndicatorHit>& hits,
                                        const RiskOptions& options);

// A cluster's score: the highest member post score ("top-post") plus the cluster signals reached.
// REQUIRES: `posts` and `post_risks` are indexed like the inputs of LinkPosts that made `cluster`.
[[nodiscard]] RiskScore ComputeClusterRisk(const Cluster& cluster, const std::vector<LinkPost>& posts,
                                           const std::vector<RiskScore>& post_risks,
                                           const RiskOptions& options);

}  // namespace vigil::core::monitor
