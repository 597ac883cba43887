// What the portal reads from data/portal at start: interface strings per language, the
// stylesheet, the enhancement script and the settings in portal.yaml (the "Leave this site"
// target).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "codec/yaml/yaml_reader.hpp"
#include "http/portal/asset.hpp"
#include "http/portal/strings.hpp"

namespace vigil::http::portal {

inline constexpr std::string_view kDefaultExitUrl = "https://www.bbc.com/weather";

struct PortalFiles {
  UiStrings strings;  // empty when strings/en.yaml is missing or broken
  Asset css;
  Asset js;
  std::string exit_url{kDefaultExitUrl};

  [[nodiscard]] bool ready() const { return !strings.empty(); }
};

// Reads `folder` (usually <data>/portal). Never fails: problems are listed, and a portal without
// its English strings answers 503.
[[nodiscard]] PortalFiles LoadPortalFiles(const std::filesystem::path& folder,
                                          std::vector<codec::yaml::FileProblem>& problems);

}  // namespace vigil::http::portal
