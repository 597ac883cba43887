// Reading the early-warning areas (data/warn/areas.yaml) and the composite-level rule
// (data/warn/levels.yaml). Problems are named by file and line, one per line of the message.
#pragma once

#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/warn/area.hpp"
#include "core/warn/level.hpp"

namespace vigil::codec::yaml {

// Parses `text` (the content of `file_name`) and checks the areas with core::warn::ValidateAreas
// against `known_indicators` (the catalogue's ids). kInvalidArgument, reason "validation", with
// every problem as "<file>:<line>: …".
[[nodiscard]] Result<std::vector<core::warn::Area>> ParseAreasYaml(
    const std::string& file_name, const std::string& text,
    const std::vector<std::string>& known_indicators);

// Parses the level rule; absent settings keep their defaults (core::warn::LevelRule), unknown
// settings and non-numbers are errors; the result passes core::warn::ValidateLevelRule.
[[nodiscard]] Result<core::warn::LevelRule> ParseLevelsYaml(const std::string& file_name,
                                                            const std::string& text);

}  // namespace vigil::codec::yaml
