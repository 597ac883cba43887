#include "codec/yaml/lexicon_yaml.hpp"

#include <charconv>

#include "codec/yaml/yaml_reader.hpp"

namespace vigil::codec::yaml {
namespace {

core::monitor::LexiconEntry ReadEntry(FileReader& reader, const YAML::Node& node,
                                      const std::string& language) {
  using core::monitor::LexiconPattern;
  using core::monitor::PatternKind;
  core::monitor::LexiconEntry entry;
  entry.file = reader.file();
  entry.line = node.Mark().line + 1;
  entry.language = language;
  entry.id = reader.Text(node, "id");
  const std::string label = entry.id.empty() ? std::string("entry") : entry.id;
  entry.indicator = reader.Text(node, "indicator");
  entry.category = reader.Text(node, "category");
  entry.ilo = reader.List(node, "ilo");
  const std::string weight = reader.Text(node, "weight");
  if (!weight.empty()) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(weight.data(), weight.data() + weight.size(), value);
    if (error != std::errc() || end != weight.data() + weight.size()) {
      reader.Error(node["weight"], label + ": the weight \"" + weight + "\" is not a number");
    } else {
      entry.weight = value;
    }
  }
  entry.source = reader.Text(node, "source");
  entry.verification = reader.Text(node, "verification");
  for (auto& phrase : reader.List(node, "phrases")) {
    entry.patterns.push_back(LexiconPattern{PatternKind::kPhrase, std::move(phrase)});
  }
  for (auto& regex : reader.List(node, "regexes")) {
    entry.patterns.push_back(LexiconPattern{PatternKind::kRegex, std::move(regex)});
  }
  entry.match = reader.List(node, "match");
  entry.no_match = reader.List(node, "no_match");
  return entry;
}

}  // namespace

Result<std::vector<core::monitor::LexiconEntry>> ParseLexiconYaml(const std::string& file_name,
                                                                  const std::string& text) {
  std::vector<FileProblem> problems;
  auto root = LoadYamlMapping(file_name, text, problems);
  if (!root) {
    return MakeError(ErrorCode::kInvalidArgument, ErrorsText(problems), "invalid-lexicon");
  }
  FileReader reader(file_name, problems);
  const std::string language = reader.Text(*root, "language");
  std::vector<core::monitor::LexiconEntry> entries;
  const YAML::Node list = (*root)["entries"];
  if (!list.IsDefined() || !list.IsSequence()) {
    reader.Error(*root, "\"entries\" must be a list");
  } else {
    for (const auto& node : list) {
      if (!node.IsMap()) {
        reader.Error(node, "each entry must be a mapping");
        continue;
      }
      entries.push_back(ReadEntry(reader, node, language));
    }
  }
  if (HasErrors(problems)) {
    return MakeError(ErrorCode::kInvalidArgument, ErrorsText(problems), "invalid-lexicon");
  }
  return entries;
}

}  // namespace vigil::codec::yaml
