#include "core/identify/dimension_rule.hpp"

#include <algorithm>

namespace vigil::core::identify {
namespace {

// No clause asks for more than three of a grade, so counts above that never change a result;
// capping keeps the completion search small.
constexpr int kCountCap = 3;

struct DimensionCounts {
  GradeCounts yes;
  GradeCounts unknown;
};

DimensionCounts Count(const Ruleset& ruleset, const Dimension& dimension,
                      const std::string& set_id, const Answers& answers,
                      const std::string& skip = {}) {
  DimensionCounts counts;
  for (const std::string& id : dimension.indicators) {
    if (id == skip) continue;
    const Indicator* indicator = ruleset.FindIndicator(id);
    auto grade = indicator->grades.find(set_id);
    if (grade == indicator->grades.end()) continue;
    const Answer answer = answers.Get(id);
    if (answer == Answer::kYes) {
      counts.yes.Add(grade->second);
    } else if (answer != Answer::kNo) {
      counts.unknown.Add(grade->second);
    }
  }
  return counts;
}

GradeCounts Sum(const GradeCounts& a, const GradeCounts& b) {
  return {a.strong + b.strong, a.medium + b.medium, a.weak + b.weak};
}

}  // namespace

void GradeCounts::Add(Grade grade, int count) {
  switch (grade) {
    case Grade::kStrong: strong += count; break;
    case Grade::kMedium: medium += count; break;
    case Grade::kWeak: weak += count; break;
  }
}

bool IsPositive(const DimensionRule& rule, const GradeCounts& counts) {
  return std::any_of(rule.any_of.begin(), rule.any_of.end(), [&](const RuleClause& clause) {
    return counts.strong >= clause.strong && counts.medium >= clause.medium &&
           counts.weak >= clause.weak && counts.medium + counts.weak >= clause.medium_or_weak;
  });
}

DimensionResult EvaluateDimension(const Ruleset& ruleset, const Dimension& dimension,
                                  const std::string& set_id, const Answers& answers) {
  DimensionResult result;
  const DimensionCounts counts = Count(ruleset, dimension, set_id, answers);
  for (const std::string& id : dimension.indicators) {
    const Indicator* indicator = ruleset.FindIndicator(id);
    if (!indicator->grades.contains(set_id)) continue;
    if (answers.Get(id) == Answer::kYes) result.by.push_back(id);
  }
  if (IsPositive(ruleset.dimension_rule, counts.yes)) {
    result.status = DimensionStatus::kPositive;
  } else if (!IsPositive(ruleset.dimension_rule, Sum(counts.yes, counts.unknown))) {
    result.status = DimensionStatus::kNegative;
  } else {
    result.status = DimensionStatus::kUndetermined;
    const auto pivotal = PivotalGrades(ruleset.dimension_rule, counts.yes, counts.unknown);
    for (const std::string& id : dimension.indicators) {
      const Indicator* indicator = ruleset.FindIndicator(id);
      auto grade = indicator->grades.find(set_id);
      if (grade == indicator->grades.end() || answers.WasAsked(id)) continue;
      if (pivotal[static_cast<int>(grade->second)]) result.open.push_back(id);
    }
  }
  return result;
}

std::array<bool, 3> PivotalGrades(const DimensionRule& rule, const GradeCounts& yes,
                                  const GradeCounts& unknown) {
  std::array<bool, 3> pivotal{};
  for (Grade grade : {Grade::kStrong, Grade::kMedium, Grade::kWeak}) {
    GradeCounts others = unknown;
    others.Add(grade, -1);
    if (others.strong < 0 || others.medium < 0 || others.weak < 0) continue;
    const int max_strong = std::min(others.strong, kCountCap);
    const int max_medium = std::min(others.medium, kCountCap);
    const int max_weak = std::min(others.weak, kCountCap);
    bool found = false;
    for (int strong = 0; strong <= max_strong && !found; ++strong) {
      for (int medium = 0; medium <= max_medium && !found; ++medium) {
        for (int weak = 0; weak <= max_weak && !found; ++weak) {
          GradeCounts without{yes.strong + strong, yes.medium + medium, yes.weak + weak};
          GradeCounts with = without;
          with.Add(grade);
          found = IsPositive(rule, with) != IsPositive(rule, without);
        }
      }
    }
    pivotal[static_cast<int>(grade)] = found;
  }
  return pivotal;
}

bool IsPivotalForDimension(const Ruleset& ruleset, const Dimension& dimension,
                           const std::string& set_id, const Answers& answers,
                           const std::string& indicator) {
  const DimensionCounts counts = Count(ruleset, dimension, set_id, answers);
  const Grade grade = ruleset.FindIndicator(indicator)->grades.at(set_id);
  return PivotalGrades(ruleset.dimension_rule, counts.yes, counts.unknown)[static_cast<int>(grade)];
}

}  // namespace vigil::core::identify
