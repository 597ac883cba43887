// Reads a ruleset's YAML files from disk for codec/yaml to parse.
#pragma once

#include <string>
#include <vector>

#include "codec/yaml/ruleset_yaml.hpp"
#include "core/common/error.hpp"

namespace vigil::storage::file {

struct RulesetLocation {
  std::string folder;  // the rulesets folder
  std::string id;      // "ilo-2009"
};

// PATH may be the rulesets folder (the id defaults to `default_id`) or a ruleset's main file
// (`.../ilo-2009.yaml`). kInvalidArgument when it is neither.
[[nodiscard]] Result<RulesetLocation> LocateRuleset(const std::string& path,
                                                    const std::string& default_id);

// Reads `<id>.yaml`, `palermo.yaml`, `interview.yaml` and `prompts/*.yaml` under the folder.
// Missing files are left out (the parser names them). kUnavailable when the folder is unreadable.
[[nodiscard]] Result<std::vector<codec::yaml::RulesetFile>> ReadRulesetFiles(
    const RulesetLocation& location);

}  // namespace vigil::storage::file
