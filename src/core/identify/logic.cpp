#include "core/identify/logic.hpp"

#include <vector>

namespace vigil::core::identify {
namespace {

constexpr Tri kBoth[] = {Tri::kYes, Tri::kNo};

}  // namespace

Tri ToTri(DimensionStatus status) {
  switch (status) {
    case DimensionStatus::kPositive: return Tri::kYes;
    case DimensionStatus::kNegative: return Tri::kNo;
    case DimensionStatus::kUndetermined: return Tri::kUnknown;
  }
  return Tri::kUnknown;
}

Outcome ToOutcome(Tri value) {
  switch (value) {
    case Tri::kYes: return Outcome::kIndicated;
    case Tri::kNo: return Outcome::kNotIndicated;
    case Tri::kUnknown: return Outcome::kUndetermined;
  }
  return Outcome::kUndetermined;
}

Tri KleeneAnd(Tri a, Tri b) {
  if (a == Tri::kNo || b == Tri::kNo) return Tri::kNo;
  if (a == Tri::kYes && b == Tri::kYes) return Tri::kYes;
  return Tri::kUnknown;
}

Tri KleeneOr(Tri a, Tri b) {
  if (a == Tri::kYes || b == Tri::kYes) return Tri::kYes;
  if (a == Tri::kNo && b == Tri::kNo) return Tri::kNo;
  return Tri::kUnknown;
}

Tri EvaluateCombination(const CombinationRule& rule,
                        const std::map<std::string, DimensionStatus>& statuses) {
  Tri all = Tri::kYes;
  for (const auto& any_of : rule.all_of) {
    Tri any = Tri::kNo;
    for (const std::string& dimension : any_of) {
      auto found = statuses.find(dimension);
      any = KleeneOr(any, found == statuses.end() ? Tri::kNo : ToTri(found->second));
    }
    all = KleeneAnd(all, any);
  }
  return all;
}

bool IsPivotalForCombination(const CombinationRule& rule,
                             const std::map<std::string, DimensionStatus>& statuses,
                             const std::string& dimension) {
  auto found = statuses.find(dimension);
  if (found == statuses.end() || found->second != DimensionStatus::kUndetermined) return false;
  std::vector<std::string> others;
  for (const auto& [id, status] : statuses) {
    if (id != dimension && status == DimensionStatus::kUndetermined) others.push_back(id);
  }
  auto filled = statuses;
  for (unsigned mask = 0; mask < (1u << others.size()); ++mask) {
    for (std::size_t idx = 0; idx < others.size(); ++idx) {
      filled[others[idx]] = (mask >> idx) & 1u ? DimensionStatus::kPositive
                                               : DimensionStatus::kNegative;
    }
    filled[dimension] = DimensionStatus::kPositive;
    const Tri with = EvaluateCombination(rule, filled);
    filled[dimension] = DimensionStatus::kNegative;
    if (with != EvaluateCombination(rule, filled)) return true;
  }
  return false;
}

Tri EvaluatePalermo(Tri act, Tri means, Tri purpose, bool child_path) {
  Tri result = KleeneAnd(act, purpose);
  return child_path ? result : KleeneAnd(result, means);
}

Tri ElementValue(const PalermoResult& result, PalermoElement element) {
  switch (element) {
    case PalermoElement::kAct: return result.act;
    case PalermoElement::kMeans: return result.means;
    case PalermoElement::kPurpose: return result.purpose;
  }
  return Tri::kUnknown;
}

bool IsPivotalForPalermo(const PalermoResult& result, PalermoElement element, bool child_path) {
  if (ElementValue(result, element) != Tri::kUnknown) return false;
  if (child_path && element == PalermoElement::kMeans) return false;
  auto options = [&](PalermoElement other) {
    const Tri value = ElementValue(result, other);
    return value == Tri::kUnknown ? std::vector<Tri>{Tri::kYes, Tri::kNo} : std::vector<Tri>{value};
  };
  for (Tri act : element == PalermoElement::kAct ? std::vector<Tri>{Tri::kYes} : options(PalermoElement::kAct)) {
    for (Tri means : element == PalermoElement::kMeans ? std::vector<Tri>{Tri::kYes} : options(PalermoElement::kMeans)) {
      for (Tri purpose : element == PalermoElement::kPurpose ? std::vector<Tri>{Tri::kYes} : options(PalermoElement::kPurpose)) {
        Tri values[2];
        for (int flip = 0; flip < 2; ++flip) {
          const Tri mine = kBoth[flip];
          values[flip] = EvaluatePalermo(element == PalermoElement::kAct ? mine : act,
                                         element == PalermoElement::kMeans ? mine : means,
                                         element == PalermoElement::kPurpose ? mine : purpose,
                                         child_path);
        }
        if (values[0] != values[1]) return true;
      }
    }
  }
  return false;
}

}  // namespace vigil::core::identify
