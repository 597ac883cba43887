#include "codec/yaml/config_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace vigil::codec::yaml {

Result<std::map<std::string, std::string>> ParseConfigYaml(std::string_view text,
                                                           const std::vector<std::string>& known) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "the config file is not valid YAML (line " + std::to_string(error.mark.line + 1) +
                         "): " + error.msg);
  }
  std::map<std::string, std::string> settings;
  if (root.IsNull()) return settings;
  if (!root.IsMap()) {
    return MakeError(ErrorCode::kInvalidArgument, "the config file must be a mapping of settings");
  }
  for (const auto& item : root) {
    const std::string key = item.first.as<std::string>("");
    const int line = item.first.Mark().line + 1;
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return MakeError(ErrorCode::kInvalidArgument, "the config file sets an unknown setting \"" +
                                                        key + "\" (line " + std::to_string(line) + ")");
    }
    if (!item.second.IsScalar()) {
      return MakeError(ErrorCode::kInvalidArgument, "the setting \"" + key + "\" (line " +
                                                        std::to_string(line) + ") must be a single value");
    }
    settings[key] = item.second.Scalar();
  }
  return settings;
}

}  // namespace vigil::codec::yaml
