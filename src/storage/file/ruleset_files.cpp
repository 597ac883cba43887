#include "storage/file/ruleset_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigil::storage::file {
namespace fs = std::filesystem;

Result<RulesetLocation> LocateRuleset(const std::string& path, const std::string& default_id) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return RulesetLocation{path, default_id};
  if (fs::is_regular_file(path, ec) && fs::path(path).extension() == ".yaml") {
    const fs::path file(path);
    return RulesetLocation{file.parent_path().empty() ? "." : file.parent_path().string(),
                           file.stem().string()};
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   path + " is neither a rulesets folder nor a ruleset .yaml file");
}

Result<std::vector<codec::yaml::RulesetFile>> ReadRulesetFiles(const RulesetLocation& location) {
  std::vector<std::string> names = {location.id + ".yaml", "palermo.yaml", "interview.yaml"};
  std::error_code ec;
  const fs::path prompts = fs::path(location.folder) / "prompts";
  if (fs::is_directory(prompts, ec)) {
    std::vector<std::string> languages;
    for (const auto& entry : fs::directory_iterator(prompts, ec)) {
      if (entry.path().extension() == ".yaml") languages.push_back("prompts/" + entry.path().filename().string());
    }
    std::sort(languages.begin(), languages.end());
    names.insert(names.end(), languages.begin(), languages.end());
  }
  if (!fs::is_directory(location.folder, ec)) {
    return MakeError(ErrorCode::kUnavailable, "cannot read the rulesets folder " + location.folder);
  }
  std::vector<codec::yaml::RulesetFile> files;
  for (const std::string& name : names) {
    std::ifstream in(fs::path(location.folder) / name, std::ios::binary);
    if (!in) continue;
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({name, text.str()});
  }
  return files;
}

}  // namespace vigil::storage::file
