// The YAML settings file (`--config`): a flat mapping of setting names to scalar values.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace vigil::codec::yaml {

// Parses `text` into setting name -> value. kInvalidArgument naming the line when the YAML is
// malformed, the top level is not a mapping, a value is not a scalar, or a key is not in `known`.
[[nodiscard]] Result<std::map<std::string, std::string>> ParseConfigYaml(
    std::string_view text, const std::vector<std::string>& known);

}  // namespace vigil::codec::yaml
