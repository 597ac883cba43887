// The indicator catalogue: what each early-warning indicator measures, per which period, which
// detector suits it and where its data comes from. Read from data/warn/indicators.yaml (editable
// per deployment) by codec/yaml; validated here so that every reader gets the same checks.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/signals/detect.hpp"
#include "core/warn/series.hpp"

namespace vigil::core::warn {

// The families of early-warning indicators (reference §1.2), by stable id:
// "mobility", "armed-group-conduct", "rhetoric", "legal-political", "displacement",
// "case-health", "online-demand".
[[nodiscard]] const std::vector<std::string_view>& IndicatorFamilies();

struct IndicatorSource {
  std::string key;  // citation key of the reference, e.g. "S1"; or a dataset name
  std::string url;  // where the definition or the data can be found
};

struct Indicator {
  std::string id;      // kebab-case, unique, e.g. "conflict-events"
  std::string family;  // one of IndicatorFamilies()
  std::string name;    // short human name
  std::string unit;    // what one count is, e.g. "events", "individuals"
  PeriodKind period = PeriodKind::kMonth;
  signals::Method detector = signals::Method::kEarsC1;
  std::vector<signals::Parameter> params;  // R-named detector parameters, values as text
  IndicatorSource source;
  bool verified = false;    // false where the reference marks the item [unverified]
  std::string description;  // optional, free text
};

// One catalogue entry as read from a file, before validation: every field still text, plus the
// line it starts on so that errors can name it.
struct IndicatorDraft {
  int line = 0;
  std::string id;
  std::string family;
  std::string name;
  std::string unit;
  std::string period;    // "day" | "week" | "month"
  std::string detector;  // a signals method name, e.g. "farrington"
  std::vector<signals::Parameter> params;
  std::string source_key;
  std::string source_url;
  bool verified = false;
  std::string description;
};

class Catalogue {
 public:
  Catalogue() = default;

  // Null when no indicator has this id.
  [[nodiscard]] const Indicator* Find(std::string_view id) const;
  // Every indicator in file order.
  [[nodiscard]] const std::vector<Indicator>& List() const { return indicators_; }
  [[nodiscard]] bool Empty() const { return indicators_.empty(); }
  [[nodiscard]] std::size_t Size() const { return indicators_.size(); }

 private:
  friend Result<Catalogue> ValidateCatalogue(const std::vector<IndicatorDraft>&, std::string_view);
  std::vector<Indicator> indicators_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

// Checks every draft and builds the catalogue. Errors (kInvalidArgument, reason
// "invalid-catalogue") list every problem found, one per line, each naming the file, the line and
// the entry: empty or non-kebab-case id, duplicate id, unknown family, bad period, unknown
// detector, a parameter the detector does not have, missing name/unit, missing source key or URL.
// An empty list is valid (a deployment may start without indicators).
[[nodiscard]] Result<Catalogue> ValidateCatalogue(const std::vector<IndicatorDraft>& drafts,
                                                  std::string_view file_name);

}  // namespace vigil::core::warn
