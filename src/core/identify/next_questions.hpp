// Choosing what to ask next: only unanswered questions that can still change an ILO outcome,
// a Palermo outcome or the referral level; safety first, then phase by phase, strong first.
#pragma once

#include <string>
#include <vector>

#include "core/identify/assessment.hpp"
#include "core/identify/evaluate.hpp"
#include "core/identify/ruleset.hpp"

namespace vigil::core::identify {

// One legal path of the Palermo check: the child path, or the adult path.
struct PalermoPath {
  AgeGroup age = AgeGroup::kAdult;
  PalermoResult result;
  std::vector<std::pair<const IndicatorSet*, const SetResult*>> sets;  // that path's ILO sets
};

struct RankingInput {
  const Ruleset& ruleset;
  const ScreeningRequest& request;
  std::vector<std::pair<const IndicatorSet*, const SetResult*>> sets;
  std::vector<PalermoPath> paths;
  ReferralLevel level = ReferralLevel::kInform;
};

// The questions to ask next within `protocol`, best first, ties broken by id.
[[nodiscard]] std::vector<std::string> RankNextQuestions(const RankingInput& input,
                                                         const Protocol& protocol);

}  // namespace vigil::core::identify
