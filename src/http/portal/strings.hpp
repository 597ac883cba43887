// The portal's interface strings (navigation, headings, notes, about and privacy text) per
// language, read from data/portal/strings/<lang>.yaml; a missing key falls back to English.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "codec/yaml/yaml_reader.hpp"

namespace vigil::http::portal {

class UiStrings {
 public:
  void Add(std::string lang, std::map<std::string, std::string, std::less<>> strings);
  // The string in `lang`, else in English, else the key itself (so a gap shows, never crashes).
  [[nodiscard]] std::string_view Get(std::string_view lang, std::string_view key) const;
  // True when `lang` has its own text for `key`.
  [[nodiscard]] bool Has(std::string_view lang, std::string_view key) const;
  [[nodiscard]] bool empty() const { return by_lang_.empty(); }

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> by_lang_;
};

// Parses one language's file: a flat mapping of key to text. Problems are named by file and
// line; keys whose value is not a scalar are skipped with an error.
[[nodiscard]] std::map<std::string, std::string, std::less<>> ParseUiStrings(
    const std::string& file_name, const std::string& text,
    std::vector<codec::yaml::FileProblem>& problems);

}  // namespace vigil::http::portal
