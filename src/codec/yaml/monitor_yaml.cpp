#include "codec/yaml/monitor_yaml.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "codec/yaml/yaml_reader.hpp"

namespace vigil::codec::yaml {
namespace {

tl::unexpected<Error> Problems(const std::vector<FileProblem>& problems) {
  return MakeError(ErrorCode::kInvalidArgument, ErrorsText(problems), "validation");
}

void CheckKeys(FileReader& reader, const YAML::Node& node, const std::set<std::string>& allowed) {
  for (const auto& member : node) {
    const std::string key = member.first.as<std::string>("");
    if (!allowed.contains(key)) reader.Error(member.first, "unknown setting \"" + key + "\"");
  }
}

// A whole number in [low, high] from node[key]; an error naming the key otherwise.
int ReadNumber(FileReader& reader, const YAML::Node& node, const std::string& key, int low, int high) {
  const std::string text = reader.Text(node, key);
  if (text.empty()) return 0;
  int value = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || value < low || value > high) {
    reader.Error(node[key], "\"" + key + "\" must be a whole number from " + std::to_string(low) + " to " +
                                std::to_string(high));
    return 0;
  }
  return value;
}

std::optional<YAML::Node> ReadList(FileReader& reader, const YAML::Node& root, const std::string& key) {
  const YAML::Node list = root[key];
  if (!list.IsDefined() || !list.IsSequence()) {
    reader.Error(root, "\"" + key + "\" must be a list");
    return std::nullopt;
  }
  return list;
}

}  // namespace

Result<std::vector<core::monitor::PhoneOverride>> ParsePhoneOverridesYaml(const std::string& file_name,
                                                                        const std::string& text) {
  std::vector<FileProblem> problems;
  auto root = LoadYamlMapping(file_name, text, problems);
  if (!root) return Problems(problems);
  FileReader reader(file_name, problems);
  std::vector<core::monitor::PhoneOverride> overrides;
  auto list = ReadList(reader, *root, "overrides");
  if (!list) return Problems(problems);
  for (const auto& node : *list) {
    if (!node.IsMap()) {
      reader.Error(node, "each override must be a mapping");
      continue;
    }
    CheckKeys(reader, node, {"country_code", "national_prefix", "national_length", "source", "status", "note"});
    core::monitor::PhoneOverride entry;
    entry.country_code = ReadNumber(reader, node, "country_code", 1, 999);
    entry.national_prefix = reader.Text(node, "national_prefix");
    if (!entry.national_prefix.empty() &&
        !std::all_of(entry.national_prefix.begin(), entry.national_prefix.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      reader.Error(node["national_prefix"], "\"national_prefix\" must be digits (quote it: \"77\")");
    }
    entry.national_length = ReadNumber(reader, node, "national_length", 5, 17);
    if (entry.national_length > 0 && entry.national_length < static_cast<int>(entry.national_prefix.size()) + 4) {
      reader.Error(node["national_length"], "\"national_length\" must leave at least 4 digits after the prefix");
    }
    entry.source = reader.Text(node, "source");
    const std::string status = reader.Text(node, "status");
    if (status == "verified") {
      entry.verified = true;
    } else if (status != "unverified" && !status.empty()) {
      reader.Error(node["status"], "\"status\" must be verified or unverified");
    }
    overrides.push_back(std::move(entry));
  }
  if (HasErrors(problems)) return Problems(problems);
  return overrides;
}

Result<std::vector<std::string>> ParseSharedHostsYaml(const std::string& file_name, const std::string& text) {
  static const std::set<std::string> kKinds = {"social-network", "link-shortener", "messenger", "classifieds",
                                               "email-provider", "hosting", "search"};
  std::vector<FileProblem> problems;
  auto root = LoadYamlMapping(file_name, text, problems);
  if (!root) return Problems(problems);
  FileReader reader(file_name, problems);
  std::vector<std::string> hosts;
  std::set<std::string> seen;
  auto list = ReadList(reader, *root, "hosts");
  if (!list) return Problems(problems);
  for (const auto& node : *list) {
    if (!node.IsMap()) {
      reader.Error(node, "each host must be a mapping");
      continue;
    }
    CheckKeys(reader, node, {"host", "kind"});
    std::string host = reader.Text(node, "host");
    const std::string kind = reader.Text(node, "kind");
    if (!kind.empty() && !kKinds.contains(kind)) {
      reader.Error(node["kind"], "\"kind\" must be one of social-network, link-shortener, messenger, "
                                 "classifieds, email-provider, hosting, search");
    }
    std::transform(host.begin(), host.end(), host.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    if (host.empty()) continue;
    if (host.find('/') != std::string::npos || host.find(' ') != std::string::npos || host.find('.') == std::string::npos) {
      reader.Error(node["host"], "\"host\" must be a host name such as example.com, without scheme or path");
      continue;
    }
    if (!seen.insert(host).second) {
      reader.Error(node["host"], "\"" + host + "\" is listed twice");
      continue;
    }
    hosts.push_back(std::move(host));
  }
  if (HasErrors(problems)) return Problems(problems);
  return hosts;
}

}  // namespace vigil::codec::yaml
