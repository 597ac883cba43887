#include "storage/file/content_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigil::storage::file {
namespace fs = std::filesystem;

Result<std::vector<codec::yaml::ContentFile>> ReadContentFiles(const std::string& data_folder) {
  const fs::path root(data_folder);
  std::error_code ec;
  if (!fs::is_directory(root / "knowledge", ec)) {
    return MakeError(ErrorCode::kUnavailable, "no knowledge folder in " + data_folder);
  }
  std::vector<std::string> names;
  for (const auto& language : fs::directory_iterator(root / "knowledge", ec)) {
    if (!language.is_directory()) continue;
    for (const auto& entry : fs::directory_iterator(language.path(), ec)) {
      if (entry.path().extension() != ".yaml") continue;
      names.push_back("knowledge/" + language.path().filename().string() + "/" + entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  if (fs::exists(root / "hotlines.yaml")) names.push_back("hotlines.yaml");
  std::vector<codec::yaml::ContentFile> files;
  for (const std::string& name : names) {
    std::ifstream in(root / name, std::ios::binary);
    if (!in) return MakeError(ErrorCode::kUnavailable, "cannot read " + (root / name).string());
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({name, text.str()});
  }
  return files;
}

}  // namespace vigil::storage::file
