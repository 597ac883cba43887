#include "core/identify/catalog.hpp"

namespace vigil::core::identify {

const Ruleset* RulesetCatalog::Find(const std::string& id) const {
  auto found = rulesets_.find(id);
  return found == rulesets_.end() ? nullptr : &found->second;
}

std::vector<const Ruleset*> RulesetCatalog::List() const {
  std::vector<const Ruleset*> list;
  for (const auto& [id, ruleset] : rulesets_) list.push_back(&ruleset);
  return list;
}

}  // namespace vigil::core::identify
