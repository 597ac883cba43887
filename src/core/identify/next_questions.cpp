#include "core/identify/next_questions.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/identify/dimension_rule.hpp"
#include "core/identify/logic.hpp"

namespace vigil::core::identify {
namespace {

bool UrgencyStillOpen(const RankingInput& input) { return input.level != ReferralLevel::kUrgent; }

// Could a Palermo element that is still unknown change the path's outcome or make the
// referral urgent (act or purpose on the child path)?
bool ElementMatters(const RankingInput& input, const PalermoPath& path, PalermoElement element) {
  const bool child = path.age == AgeGroup::kChild;
  if (ElementValue(path.result, element) != Tri::kUnknown) return false;
  if (IsPivotalForPalermo(path.result, element, child)) return true;
  return child && element != PalermoElement::kMeans && UrgencyStillOpen(input);
}

const PalermoElementSpec* SpecFor(const Ruleset& ruleset, PalermoElement element) {
  for (const auto& spec : ruleset.palermo.elements) {
    if (spec.element == element) return &spec;
  }
  return nullptr;
}

// Per set: the dimensions whose status can still change the set's outcome.
using PivotalDimensions = std::map<const SetResult*, std::set<std::string>>;

PivotalDimensions ComputePivotalDimensions(const RankingInput& input) {
  PivotalDimensions pivotal;
  for (const auto& [set, result] : input.sets) {
    std::map<std::string, DimensionStatus> statuses;
    for (const auto& [id, value] : result->dimensions) statuses[id] = value.status;
    const CombinationRule* rule = input.ruleset.CombinationFor(set->age);
    auto& dimensions = pivotal[result];
    for (const auto& [id, status] : statuses) {
      if (rule != nullptr && IsPivotalForCombination(*rule, statuses, id)) dimensions.insert(id);
    }
  }
  return pivotal;
}

// How many results an indicator can still move; 0 means it is not worth asking.
int IndicatorRelevance(const RankingInput& input, const PivotalDimensions& pivotal,
                       const Indicator& indicator) {
  int relevance = 0;
  for (const auto& [set, result] : input.sets) {
    if (!indicator.grades.contains(set->id)) continue;
    const DimensionResult& dimension_result = result->dimensions.at(indicator.dimension);
    if (dimension_result.status != DimensionStatus::kUndetermined) continue;
    // `open` lists the unasked indicators that are pivotal for the dimension.
    if (std::find(dimension_result.open.begin(), dimension_result.open.end(), indicator.id) ==
        dimension_result.open.end()) {
      continue;
    }
    if (pivotal.at(result).contains(indicator.dimension)) ++relevance;
    if (set->age == AgeGroup::kChild && UrgencyStillOpen(input)) ++relevance;
    for (const PalermoPath& path : input.paths) {
      if (path.age != set->age) continue;
      for (const auto& spec : input.ruleset.palermo.elements) {
        const bool supplies = std::find(spec.supplied_by.begin(), spec.supplied_by.end(),
                                        indicator.dimension) != spec.supplied_by.end();
        if (supplies && ElementMatters(input, path, spec.element)) ++relevance;
      }
    }
  }
  return relevance;
}

int ElementQuestionRelevance(const RankingInput& input, PalermoElement element) {
  int relevance = 0;
  for (const PalermoPath& path : input.paths) {
    if (ElementMatters(input, path, element)) ++relevance;
  }
  return relevance;
}

int ExtensionRelevance(const RankingInput& input, const Extension& extension) {
  if (!extension.supplies) return 0;
  int relevance = 0;
  for (const PalermoPath& path : input.paths) {
    const bool applies = path.age == AgeGroup::kChild ? extension.for_children : extension.for_adults;
    if (applies && ElementMatters(input, path, *extension.supplies)) ++relevance;
  }
  return relevance;
}

struct Candidate {
  std::string id;
  int group = 0;       // 0 safety, 1 recruitment phase, 2 destination phase, 3 extensions
  int strength = 0;    // 0 strongest
  int relevance = 0;   // higher first
};

int Strength(const RankingInput& input, const Indicator& indicator) {
  int best = 2;
  for (const auto& [set, result] : input.sets) {
    auto grade = indicator.grades.find(set->id);
    if (grade != indicator.grades.end()) best = std::min(best, static_cast<int>(grade->second));
  }
  return best;
}

bool InProtocol(const Protocol& protocol, const std::string& id) {
  return protocol.items.empty() ||
         std::find(protocol.items.begin(), protocol.items.end(), id) != protocol.items.end();
}

}  // namespace

std::vector<std::string> RankNextQuestions(const RankingInput& input, const Protocol& protocol) {
  const Answers& answers = input.request.answers;
  std::vector<Candidate> candidates;
  auto consider = [&](const std::string& id, int group, int strength, int relevance) {
    if (answers.WasAsked(id) || relevance <= 0 || !InProtocol(protocol, id)) return;
    candidates.push_back({id, group, strength, relevance});
  };
  // The safety questions open every protocol.
  for (std::size_t idx = 0; idx < input.ruleset.safety.size(); ++idx) {
    const std::string& id = input.ruleset.safety[idx].id;
    if (!answers.WasAsked(id)) candidates.push_back({id, 0, static_cast<int>(idx), 1});
  }
  for (PalermoElement element :
       {PalermoElement::kAct, PalermoElement::kMeans, PalermoElement::kPurpose}) {
    const PalermoElementSpec* spec = SpecFor(input.ruleset, element);
    if (spec == nullptr) continue;
    consider(spec->question, 1, -1, ElementQuestionRelevance(input, element));
  }
  const PivotalDimensions pivotal = ComputePivotalDimensions(input);
  for (const auto& [id, indicator] : input.ruleset.indicators) {
    const int group = indicator.phase == Phase::kRecruitment ? 1 : 2;
    consider(id, group, Strength(input, indicator), IndicatorRelevance(input, pivotal, indicator));
  }
  for (const Extension& extension : input.ruleset.extensions) {
    consider(extension.id, 3, 1, ExtensionRelevance(input, extension));
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.group, a.strength, b.relevance, a.id) <
           std::tie(b.group, b.strength, a.relevance, b.id);
  });
  std::vector<std::string> ids;
  for (const Candidate& candidate : candidates) ids.push_back(candidate.id);
  return ids;
}

}  // namespace vigil::core::identify
