#include "core/warn/catalogue.hpp"

#include <algorithm>
#include <set>

#include "core/warn/period.hpp"

namespace vigil::core::warn {
namespace {

struct DetectorSpec {
  std::string_view name;
  signals::Method method;
  std::vector<std::string_view> params;  // the R parameter names the method takes
};

// The detector names and their R parameters (surveillance's earsC, algo.farrington,
// farringtonFlexible; CUSUM and the plain rules). Kept here, not looked up in signals, so that
// a catalogue can be checked without running a detector.
const std::vector<DetectorSpec>& DetectorSpecs() {
  static const std::vector<std::string_view> kEars = {"range", "baseline", "minSigma", "alpha"};
  static const std::vector<std::string_view> kEarsC3 = {"range", "baseline", "minSigma", "alpha",
                                                        "surveillance_compat"};
  static const std::vector<std::string_view> kFarrington = {
      "range", "b", "w", "reweight", "alpha", "trend", "limit54", "powertrans"};
  static const std::vector<std::string_view> kFlexible = {"range",
                                                          "b",
                                                          "w",
                                                          "reweight",
                                                          "weightsThreshold",
                                                          "alpha",
                                                          "trend",
                                                          "pThresholdTrend",
                                                          "limit54",
                                                          "powertrans",
                                                          "noPeriods",
                                                          "pastWeeksNotIncluded",
                                                          "thresholdMethod",
                                                          "populationOffset"};
  static const std::vector<DetectorSpec> kSpecs = {
      {"ears-c1", signals::Method::kEarsC1, kEars},
      {"ears-c2", signals::Method::kEarsC2, kEars},
      {"ears-c3", signals::Method::kEarsC3, kEarsC3},
      {"farrington", signals::Method::kFarrington, kFarrington},
      {"flexible", signals::Method::kFlexible, kFlexible},
      {"noufaily", signals::Method::kNoufaily, kFlexible},
      {"cusum", signals::Method::kCusum, {"range", "k", "h"}},
      {"threshold", signals::Method::kThreshold, {"range", "threshold"}},
      {"rate-of-change", signals::Method::kRateOfChange, {"range", "rate"}},
      {"ratio-to-baseline", signals::Method::kRatioToBaseline, {"range", "baseline", "ratio", "minCount"}},
  };
  return kSpecs;
}

bool IsKebabCase(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return id.front() >= 'a' && id.front() <= 'z';
}

std::string Join(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

}  // namespace

const std::vector<std::string_view>& IndicatorFamilies() {
  static const std::vector<std::string_view> kFamilies = {
      "mobility",     "armed-group-conduct", "rhetoric",     "legal-political",
      "displacement", "case-health",         "online-demand"};
  return kFamilies;
}

const Indicator* Catalogue::Find(std::string_view id) const {
  const auto found = index_.find(id);
  return found == index_.end() ? nullptr : &indicators_[found->second];
}

Result<Catalogue> ValidateCatalogue(const std::vector<IndicatorDraft>& drafts,
                                    std::string_view file_name) {
  Catalogue catalogue;
  std::vector<std::string> problems;
  std::set<std::string, std::less<>> seen;
  for (std::size_t draft_idx = 0; draft_idx < drafts.size(); ++draft_idx) {
    const IndicatorDraft& draft = drafts[draft_idx];
    const std::string where =
        std::string(file_name) + ":" + std::to_string(draft.line) + ": indicator " +
        (draft.id.empty() ? "#" + std::to_string(draft_idx + 1) : "\"" + draft.id + "\"");
    auto problem = [&](const std::string& message) { problems.push_back(where + ": " + message); };

    Indicator indicator;
    indicator.id = draft.id;
    if (!IsKebabCase(draft.id)) problem("id must be kebab-case (a-z, 0-9, single hyphens)");
    if (!draft.id.empty() && !seen.insert(draft.id).second) problem("duplicate id");

    const auto& families = IndicatorFamilies();
    if (std::find(families.begin(), families.end(), draft.family) == families.end()) {
      problem("unknown family \"" + draft.family + "\" (expected one of " + Join(families) + ")");
    }
    indicator.family = draft.family;
    if (draft.name.empty()) problem("name is missing");
    if (draft.unit.empty()) problem("unit is missing");
    indicator.name = draft.name;
    indicator.unit = draft.unit;

    if (auto period = ParsePeriodKind(draft.period)) {
      indicator.period = *period;
    } else {
      problem("period \"" + draft.period + "\" must be day, week or month");
    }

    const auto& specs = DetectorSpecs();
    const auto spec = std::find_if(specs.begin(), specs.end(),
                                   [&](const DetectorSpec& s) { return s.name == draft.detector; });
    if (spec == specs.end()) {
      std::vector<std::string_view> names;
      for (const auto& s : specs) names.push_back(s.name);
      problem("unknown detector \"" + draft.detector + "\" (expected one of " + Join(names) + ")");
    } else {
      indicator.detector = spec->method;
      std::set<std::string, std::less<>> param_names;
      for (const auto& param : draft.params) {
        if (std::find(spec->params.begin(), spec->params.end(), param.name) == spec->params.end()) {
          problem("detector " + draft.detector + " has no parameter \"" + param.name +
                  "\" (it takes " + Join(spec->params) + ")");
        } else if (!param_names.insert(param.name).second) {
          problem("parameter \"" + param.name + "\" is given twice");
        }
      }
    }
    indicator.params = draft.params;

    if (draft.source_key.empty()) problem("source key is missing");
    if (draft.source_url.empty()) problem("source url is missing");
    indicator.source = {draft.source_key, draft.source_url};
    indicator.verified = draft.verified;
    indicator.description = draft.description;
    catalogue.index_.emplace(indicator.id, catalogue.indicators_.size());
    catalogue.indicators_.push_back(std::move(indicator));
  }
  if (!problems.empty()) {
    std::string message;
    for (const auto& line : problems) message += (message.empty() ? "" : "\n") + line;
    return MakeError(ErrorCode::kInvalidArgument, message, "invalid-catalogue");
  }
  return catalogue;
}

}  // namespace vigil::core::warn
