// Reading and checking the knowledge content (data/knowledge/<lang>/<topic>.yaml) and the
// hotlines (data/hotlines.yaml). Problems are named by file and line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "codec/yaml/yaml_reader.hpp"
#include "core/knowledge/content.hpp"

namespace vigil::codec::yaml {

struct ContentFile {
  std::string name;  // relative to the data folder: "knowledge/en/definition.yaml", "hotlines.yaml"
  std::string text;
};

struct KnowledgeLoad {
  std::optional<core::knowledge::KnowledgeBase> knowledge;  // set only when there are no errors
  std::vector<FileProblem> problems;  // errors, and notes (missing or outdated translations)
};

[[nodiscard]] KnowledgeLoad ParseKnowledge(const std::vector<ContentFile>& files);

}  // namespace vigil::codec::yaml
