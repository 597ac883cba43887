// Three-valued (Kleene) logic over dimension statuses and Palermo elements, and the pivot
// tests the question ranking needs: could this unknown input still change that result?
#pragma once

#include <map>
#include <string>

#include "core/identify/assessment.hpp"
#include "core/identify/ruleset.hpp"

namespace vigil::core::identify {

[[nodiscard]] Tri ToTri(DimensionStatus status);
[[nodiscard]] Outcome ToOutcome(Tri value);
[[nodiscard]] Tri KleeneAnd(Tri a, Tri b);
[[nodiscard]] Tri KleeneOr(Tri a, Tri b);

// The combination rule on dimension statuses. Exact: each dimension occurs once and
// dimensions depend on disjoint answers.
[[nodiscard]] Tri EvaluateCombination(const CombinationRule& rule,
                                      const std::map<std::string, DimensionStatus>& statuses);
// True when `dimension` is undetermined and some completion of the other undetermined
// dimensions makes the rule's result depend on it.
[[nodiscard]] bool IsPivotalForCombination(const CombinationRule& rule,
                                           const std::map<std::string, DimensionStatus>& statuses,
                                           const std::string& dimension);

// The Palermo rule: act, means (adults only) and purpose.
[[nodiscard]] Tri EvaluatePalermo(Tri act, Tri means, Tri purpose, bool child_path);
// True when `element` is unknown and some completion of the other unknown elements makes the
// outcome depend on it.
[[nodiscard]] bool IsPivotalForPalermo(const PalermoResult& result, PalermoElement element,
                                       bool child_path);
[[nodiscard]] Tri ElementValue(const PalermoResult& result, PalermoElement element);

}  // namespace vigil::core::identify
