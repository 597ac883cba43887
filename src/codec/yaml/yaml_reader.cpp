#include "codec/yaml/yaml_reader.hpp"

#include <algorithm>

namespace vigil::codec::yaml {

bool HasErrors(const std::vector<FileProblem>& problems) {
  return std::any_of(problems.begin(), problems.end(), [](const FileProblem& p) { return p.is_error; });
}

std::string ErrorsText(const std::vector<FileProblem>& problems) {
  std::string message;
  for (const auto& problem : problems) {
    if (!problem.is_error) continue;
    if (!message.empty()) message += "\n";
    message += problem.file + ":" + std::to_string(problem.line) + ": " + problem.message;
  }
  return message;
}

void FileReader::Error(const YAML::Node& node, const std::string& message) {
  problems_.push_back({file_, node.IsDefined() ? node.Mark().line + 1 : 0, message, true});
}

void FileReader::Note(const YAML::Node& node, const std::string& message) {
  problems_.push_back({file_, node.IsDefined() ? node.Mark().line + 1 : 0, message, false});
}

std::string FileReader::Text(const YAML::Node& node, const std::string& key, bool required) {
  const YAML::Node value = node[key];
  if (!value.IsDefined() || value.IsNull()) {
    if (required) Error(node, "\"" + key + "\" is missing");
    return {};
  }
  if (!value.IsScalar()) {
    Error(value, "\"" + key + "\" must be a single value");
    return {};
  }
  return value.Scalar();
}

std::vector<std::string> FileReader::List(const YAML::Node& node, const std::string& key) {
  std::vector<std::string> items;
  const YAML::Node value = node[key];
  if (!value.IsDefined() || value.IsNull()) return items;
  if (!value.IsSequence()) {
    Error(value, "\"" + key + "\" must be a list");
    return items;
  }
  for (const auto& item : value) {
    if (item.IsScalar()) {
      items.push_back(item.Scalar());
    } else {
      Error(item, "the items of \"" + key + "\" must be single values");
    }
  }
  return items;
}

std::optional<YAML::Node> LoadYamlMapping(const std::string& file_name, const std::string& text,
                                          std::vector<FileProblem>& problems) {
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) {
      problems.push_back({file_name, 1, "the file must be a mapping", true});
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& error) {
    problems.push_back({file_name, error.mark.line + 1, "not valid YAML: " + error.msg, true});
    return std::nullopt;
  }
}

}  // namespace vigil::codec::yaml
