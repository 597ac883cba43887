// Reads the knowledge content files (data/knowledge/<lang>/*.yaml and data/hotlines.yaml).
#pragma once

#include <string>
#include <vector>

#include "codec/yaml/knowledge_yaml.hpp"
#include "core/common/error.hpp"

namespace vigil::storage::file {

// kUnavailable when `data_folder`/knowledge is missing or unreadable.
[[nodiscard]] Result<std::vector<codec::yaml::ContentFile>> ReadContentFiles(const std::string& data_folder);

}  // namespace vigil::storage::file
