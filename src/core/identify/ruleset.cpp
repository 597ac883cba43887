#include "core/identify/ruleset.hpp"

#include <algorithm>

namespace vigil::core::identify {

const Indicator* Ruleset::FindIndicator(const std::string& id) const {
  auto found = indicators.find(id);
  return found == indicators.end() ? nullptr : &found->second;
}

const Dimension* Ruleset::FindDimension(const std::string& id) const {
  for (const Dimension& dimension : dimensions) {
    if (dimension.id == id) return &dimension;
  }
  return nullptr;
}

const IndicatorSet* Ruleset::FindSet(const std::string& id) const {
  for (const IndicatorSet& set : sets) {
    if (set.id == id) return &set;
  }
  return nullptr;
}

const Protocol* Ruleset::FindProtocol(const std::string& id) const {
  for (const Protocol& protocol : protocols) {
    if (protocol.id == id) return &protocol;
  }
  return nullptr;
}

const CombinationRule* Ruleset::CombinationFor(AgeGroup age) const {
  for (const CombinationRule& rule : combination_rules) {
    if (rule.age == age) return &rule;
  }
  return nullptr;
}

std::vector<std::string> Ruleset::QuestionIds() const {
  std::vector<std::string> ids;
  for (const SafetyQuestion& question : safety) ids.push_back(question.id);
  for (const PalermoElementSpec& element : palermo.elements) ids.push_back(element.question);
  for (const Dimension& dimension : dimensions) {
    ids.insert(ids.end(), dimension.indicators.begin(), dimension.indicators.end());
  }
  for (const Extension& extension : extensions) ids.push_back(extension.id);
  return ids;
}

bool Ruleset::IsQuestion(const std::string& id) const {
  const auto ids = QuestionIds();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string_view GradeName(Grade grade) {
  switch (grade) {
    case Grade::kStrong: return "strong";
    case Grade::kMedium: return "medium";
    case Grade::kWeak: return "weak";
  }
  return "weak";
}

std::string_view PhaseName(Phase phase) {
  return phase == Phase::kRecruitment ? "recruitment" : "destination";
}

std::string_view VerificationName(Verification verification) {
  switch (verification) {
    case Verification::kVerified: return "verified";
    case Verification::kSecondary: return "secondary";
    case Verification::kRecall: return "recall";
    case Verification::kRecallLow: return "recall_low";
  }
  return "recall";
}

std::string_view PalermoElementName(PalermoElement element) {
  switch (element) {
    case PalermoElement::kAct: return "act";
    case PalermoElement::kMeans: return "means";
    case PalermoElement::kPurpose: return "purpose";
  }
  return "act";
}

}  // namespace vigil::core::identify
