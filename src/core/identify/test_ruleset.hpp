// Loads the shipped ruleset (data/rulesets) for tests; aborts the test binary when it is broken.
#pragma once

#include <cstdlib>
#include <iostream>

#include "codec/yaml/ruleset_yaml.hpp"
#include "storage/file/ruleset_files.hpp"

namespace vigil::core::identify {

inline const Ruleset& ShippedRuleset() {
  static const Ruleset ruleset = [] {
    auto files = storage::file::ReadRulesetFiles({std::string(VIGIL_SOURCE_DIR) + "/data/rulesets", "ilo-2009"});
    if (!files) std::abort();
    auto load = codec::yaml::ParseRuleset(*files, "ilo-2009");
    if (load.HasErrors()) {
      for (const auto& problem : load.problems) {
        std::cerr << problem.file << ":" << problem.line << ": " << problem.message << "\n";
      }
      std::abort();
    }
    return *load.ruleset;
  }();
  return ruleset;
}

}  // namespace vigil::core::identify
