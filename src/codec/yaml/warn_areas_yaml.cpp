#include "codec/yaml/warn_areas_yaml.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "codec/yaml/yaml_reader.hpp"
#include "core/warn/catalogue.hpp"

namespace vigil::codec::yaml {
namespace {

tl::unexpected<Error> Problems(const std::vector<FileProblem>& problems) {
  return MakeError(ErrorCode::kInvalidArgument, ErrorsText(problems), "validation");
}

// Reads a whole number ≥ 0 from node[key] into `target` when present.
void ReadCount(FileReader& reader, const YAML::Node& node, const std::string& key, int& target) {
  const std::string text = reader.Text(node, key, false);
  if (text.empty()) return;
  int value = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || value < 0) {
    reader.Error(node[key], "\"" + key + "\" must be a whole number");
    return;
  }
  target = value;
}

void CheckKeys(FileReader& reader, const YAML::Node& node, const std::set<std::string>& allowed,
               const std::string& where) {
  for (const auto& member : node) {
    const std::string key = member.first.as<std::string>("");
    if (!allowed.contains(key)) reader.Error(member.first, where + "unknown setting \"" + key + "\"");
  }
}

}  // namespace

Result<std::vector<core::warn::Area>> ParseAreasYaml(const std::string& file_name,
                                                     const std::string& text,
                                                     const std::vector<std::string>& known_indicators) {
  std::vector<FileProblem> problems;
  auto root = LoadYamlMapping(file_name, text, problems);
  if (!root) return Problems(problems);
  FileReader reader(file_name, problems);
  std::vector<core::warn::Area> areas;
  const YAML::Node list = (*root)["areas"];
  if (!list.IsDefined() || !list.IsSequence()) {
    reader.Error(*root, "\"areas\" must be a list");
    return Problems(problems);
  }
  for (const auto& node : list) {
    if (!node.IsMap()) {
      reader.Error(node, "each area must be a mapping");
      continue;
    }
    CheckKeys(reader, node, {"id", "name", "parent", "level", "owner", "indicators", "source", "status"},
              "");
    core::warn::Area area;
    area.id = reader.Text(node, "id");
    area.name = reader.Text(node, "name");
    const std::string parent = reader.Text(node, "parent", false);
    if (!parent.empty()) area.parent = parent;
    const std::string level = reader.Text(node, "level");
    if (level == "0" || level == "1" || level == "2") {
      area.admin_level = level[0] - '0';
    } else if (!level.empty()) {
      reader.Error(node["level"], area.id + ": \"level\" must be 0 (country), 1 or 2");
    }
    const std::string owner = reader.Text(node, "owner", false);
    if (!owner.empty()) area.owner = owner;
    area.indicators = reader.List(node, "indicators");
    area.source = reader.Text(node, "source");
    const std::string status = reader.Text(node, "status", false);
    if (!status.empty() && status != "verified" && status != "unverified") {
      reader.Error(node["status"], area.id + ": \"status\" must be verified or unverified");
    }
    area.verified = status == "verified";
    areas.push_back(std::move(area));
  }
  if (HasErrors(problems)) return Problems(problems);
  if (auto valid = core::warn::ValidateAreas(areas, known_indicators); !valid) {
    return MakeError(ErrorCode::kInvalidArgument, file_name + ": " + valid.error().message,
                     "validation");
  }
  return areas;
}

Result<core::warn::LevelRule> ParseLevelsYaml(const std::string& file_name, const std::string& text) {
  std::vector<FileProblem> problems;
  auto root = LoadYamlMapping(file_name, text, problems);
  if (!root) return Problems(problems);
  FileReader reader(file_name, problems);
  core::warn::LevelRule rule;
  CheckKeys(reader, *root, {"window_periods", "watch", "warning", "alert"}, "");
  ReadCount(reader, *root, "window_periods", rule.window_periods);
  auto section = [&](const std::string& name, const std::set<std::string>& keys) {
    const YAML::Node node = (*root)[name];
    if (!node.IsDefined() || node.IsNull()) return YAML::Node();
    if (!node.IsMap()) {
      reader.Error(node, "\"" + name + "\" must be a mapping");
      return YAML::Node();
    }
    CheckKeys(reader, node, keys, name + ": ");
    return node;
  };
  if (const YAML::Node watch = section("watch", {"min_alarms", "description"}); watch.IsMap()) {
    ReadCount(reader, watch, "min_alarms", rule.watch_min_alarms);
  }
  if (const YAML::Node warning = section("warning", {"min_indicators", "consecutive_periods", "description"});
      warning.IsMap()) {
    ReadCount(reader, warning, "min_indicators", rule.warning_min_indicators);
    ReadCount(reader, warning, "consecutive_periods", rule.warning_consecutive);
  }
  if (const YAML::Node alert = section("alert", {"critical_families", "min_critical_alarms", "description"});
      alert.IsMap()) {
    rule.critical_families = reader.List(alert, "critical_families");
    const auto& families = core::warn::IndicatorFamilies();
    for (const std::string& family : rule.critical_families) {
      if (std::find(families.begin(), families.end(), family) == families.end()) {
        reader.Error(alert["critical_families"], "alert: \"" + family + "\" is not an indicator family");
      }
    }
    ReadCount(reader, alert, "min_critical_alarms", rule.alert_min_critical_alarms);
  }
  if (HasErrors(problems)) return Problems(problems);
  if (auto valid = core::warn::ValidateLevelRule(rule); !valid) {
    return MakeError(ErrorCode::kInvalidArgument, file_name + ": " + valid.error().message,
                     "validation");
  }
  return rule;
}

}  // namespace vigil::codec::yaml
