#include "http/portal/portal_files.hpp"

#include <fstream>
#include <sstream>

#include "http/portal/language.hpp"

namespace vigil::http::portal {
namespace {

std::optional<std::string> ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

PortalFiles LoadPortalFiles(const std::filesystem::path& folder,
                            std::vector<codec::yaml::FileProblem>& problems) {
  PortalFiles files;
  for (const PortalLanguage& lang : kPortalLanguages) {
    const auto path = folder / "strings" / (std::string(lang.code) + ".yaml");
    auto text = ReadText(path);
    if (!text) {
      problems.push_back({path.string(), 0, "missing", lang.code == "en"});
      continue;
    }
    const std::size_t before = problems.size();
    auto strings = ParseUiStrings(path.string(), *text, problems);
    if (lang.code == "en" && problems.size() != before) continue;
    files.strings.Add(std::string(lang.code), std::move(strings));
  }
  files.css = MakeAsset("text/css; charset=utf-8", ReadText(folder / "portal.css").value_or(""));
  files.js =
      MakeAsset("text/javascript; charset=utf-8", ReadText(folder / "portal.js").value_or(""));
  if (auto settings_text = ReadText(folder / "portal.yaml")) {
    const std::string name = (folder / "portal.yaml").string();
    if (auto root = codec::yaml::LoadYamlMapping(name, *settings_text, problems)) {
      codec::yaml::FileReader reader(name, problems);
      const std::string exit_url = reader.Text(*root, "exit_url", false);
      if (exit_url.starts_with("https://") || exit_url.starts_with("http://")) {
        files.exit_url = exit_url;
      } else if (!exit_url.empty()) {
        reader.Error((*root)["exit_url"], "exit_url must be an http(s) address");
      }
    }
  }
  return files;
}

}  // namespace vigil::http::portal
