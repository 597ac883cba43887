// The ILO dimension rule on counts of graded "yes" answers, and its three-valued form: a
// dimension is positive or negative only when no completion of the unknown answers changes it.
#pragma once

#include <array>

#include "core/identify/assessment.hpp"
#include "core/identify/ruleset.hpp"

namespace vigil::core::identify {

struct GradeCounts {
  int strong = 0;
  int medium = 0;
  int weak = 0;
  void Add(Grade grade, int count = 1);
};

// True when any clause of `rule` holds for these counts.
[[nodiscard]] bool IsPositive(const DimensionRule& rule, const GradeCounts& counts);

// Evaluates one dimension in one set.
[[nodiscard]] DimensionResult EvaluateDimension(const Ruleset& ruleset, const Dimension& dimension,
                                                const std::string& set_id, const Answers& answers);

// For each grade (indexed by Grade), whether an unknown indicator of that grade is pivotal:
// some completion of the other unknowns makes the dimension depend on it. `unknown` counts
// every unknown graded indicator of the dimension, the one in question included.
[[nodiscard]] std::array<bool, 3> PivotalGrades(const DimensionRule& rule, const GradeCounts& yes,
                                                const GradeCounts& unknown);

// True when some completion of the other unknown answers exists in which turning `indicator`
// from no to yes changes the dimension's status. REQUIRES: `indicator` is unknown and graded
// in the set.
[[nodiscard]] bool IsPivotalForDimension(const Ruleset& ruleset, const Dimension& dimension,
                                         const std::string& set_id, const Answers& answers,
                                         const std::string& indicator);

}  // namespace vigil::core::identify
