// The screening engine: evaluates a profile and its answers against a ruleset. Pure and
// deterministic; the one entry point that the CLI (`vigil screen`) and the API share.
#pragma once

#include <string>

#include "core/common/error.hpp"
#include "core/identify/assessment.hpp"
#include "core/identify/ruleset.hpp"

namespace vigil::core::identify {

struct ScreeningRequest {
  Profile profile;
  Answers answers;
  std::string protocol = "full";
};

// Evaluates `request`. kInvalidArgument when an answer names an unknown question or the
// protocol is unknown (the message names it). Thread-safe (no shared state).
[[nodiscard]] Result<Assessment> Evaluate(const Ruleset& ruleset, const ScreeningRequest& request);

// The sets that apply to a profile: adult and/or child sets by age, labour and/or sexual by
// exploitation type (unknown selects both). Includes ungraded sets.
[[nodiscard]] std::vector<const IndicatorSet*> SelectSets(const Ruleset& ruleset,
                                                          const Profile& profile);

}  // namespace vigil::core::identify
