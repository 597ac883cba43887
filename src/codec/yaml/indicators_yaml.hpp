// Reading the early-warning indicator catalogue (data/warn/indicators.yaml). YAML shape problems
// are named by file and line here; the catalogue rules (ids, families, periods, detectors,
// parameters, sources) are checked by core::warn::ValidateCatalogue.
#pragma once

#include <string>

#include "core/common/error.hpp"
#include "core/warn/catalogue.hpp"

namespace vigil::codec::yaml {

// Parses `text` (the content of `file_name`). Errors (kInvalidArgument, reason
// "invalid-catalogue") list every problem as "<file>:<line>: …", one per line.
[[nodiscard]] Result<core::warn::Catalogue> ParseIndicatorsYaml(const std::string& file_name,
                                                                const std::string& text);

}  // namespace vigil::codec::yaml
