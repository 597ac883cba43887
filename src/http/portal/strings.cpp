#include "http/portal/strings.hpp"

namespace vigil::http::portal {

void UiStrings::Add(std::string lang, std::map<std::string, std::string, std::less<>> strings) {
  by_lang_[std::move(lang)] = std::move(strings);
}

bool UiStrings::Has(std::string_view lang, std::string_view key) const {
  auto found = by_lang_.find(lang);
  return found != by_lang_.end() && found->second.contains(key);
}

std::string_view UiStrings::Get(std::string_view lang, std::string_view key) const {
  for (std::string_view candidate : {lang, std::string_view("en")}) {
    auto found = by_lang_.find(candidate);
    if (found == by_lang_.end()) continue;
    auto text = found->second.find(key);
    if (text != found->second.end()) return text->second;
  }
  return key;
}

std::map<std::string, std::string, std::less<>> ParseUiStrings(
    const std::string& file_name, const std::string& text,
    std::vector<codec::yaml::FileProblem>& problems) {
  std::map<std::string, std::string, std::less<>> strings;
  auto root = codec::yaml::LoadYamlMapping(file_name, text, problems);
  if (!root) return strings;
  codec::yaml::FileReader reader(file_name, problems);
  for (const auto& entry : *root) {
    const std::string key = entry.first.as<std::string>("");
    if (!entry.second.IsScalar()) {
      reader.Error(entry.second, "\"" + key + "\" must be a text");
      continue;
    }
    std::string value = entry.second.as<std::string>("");
    while (!value.empty() && value.back() == '\n') value.pop_back();
    strings[key] = std::move(value);
  }
  return strings;
}

}  // namespace vigil::http::portal
