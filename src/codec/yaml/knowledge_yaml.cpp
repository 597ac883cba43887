#include "codec/yaml/knowledge_yaml.hpp"

#include <map>
#include <regex>
#include <set>

namespace vigil::codec::yaml {
namespace {

using namespace core::knowledge;

const std::set<std::string> kStatuses = {"verified", "as_cited", "unverified"};

struct ParsedTopic {
  Topic topic;
  std::vector<std::string> missing;
  YAML::Node root;
  std::string file;
  std::map<std::string, YAML::Node> item_nodes;
};

std::optional<ParsedTopic> ParseTopic(const ContentFile& file, const std::string& lang,
                                      const std::string& topic_id, std::vector<FileProblem>& problems) {
  auto root = LoadYamlMapping(file.name, file.text, problems);
  if (!root) return std::nullopt;
  FileReader reader(file.name, problems);
  ParsedTopic parsed;
  parsed.root = *root;
  parsed.file = file.name;
  Topic& topic = parsed.topic;
  topic.lang = reader.Text(*root, "lang");
  topic.id = reader.Text(*root, "topic");
  if (topic.lang != lang) reader.Error((*root)["lang"], "lang \"" + topic.lang + "\" does not match the folder " + lang);
  if (topic.id != topic_id) reader.Error((*root)["topic"], "topic \"" + topic.id + "\" does not match the file name");
  topic.title = reader.Text(*root, "title");
  topic.summary = reader.Text(*root, "summary", lang == "en");
  topic.audience = reader.Text(*root, "audience", lang == "en");
  if (lang == "en" && topic.audience != "public" && topic.audience != "practitioner") {
    reader.Error((*root)["audience"], "audience must be public or practitioner");
  }
  static const std::regex kId("[a-z_]+\\.[a-z0-9_]+");
  for (const auto& node : (*root)["items"]) {
    Item item;
    item.id = reader.Text(node, "id");
    item.title = reader.Text(node, "title");
    item.body = reader.Text(node, "body");
    if (!std::regex_match(item.id, kId) || !item.id.starts_with(topic_id + ".")) {
      reader.Error(node["id"], "item id \"" + item.id + "\" must be " + topic_id + ".<lowercase_slug>");
    }
    if (lang == "en") {
      item.source = reader.Text(node, "source");
      item.status = reader.Text(node, "status");
      if (!item.status.empty() && !kStatuses.contains(item.status)) {
        reader.Error(node["status"], item.id + ": status must be verified, as_cited or unverified");
      }
      item.see_also = reader.List(node, "see_also");
    } else {
      item.from = reader.Text(node, "from");
    }
    for (const auto& field : node["fields"]) {
      item.fields.emplace_back(field.first.as<std::string>(""), field.second.as<std::string>(""));
    }
    if (parsed.item_nodes.contains(item.id)) reader.Error(node, "item \"" + item.id + "\" appears twice");
    parsed.item_nodes[item.id] = static_cast<const YAML::Node&>(node);
    topic.items.push_back(std::move(item));
  }
  if (topic.items.empty() && lang == "en") reader.Error(*root, "the topic has no items");
  parsed.missing = reader.List(*root, "missing");
  return parsed;
}

void CheckTranslation(const ParsedTopic& english, const ParsedTopic& translated,
                      std::vector<FileProblem>& problems) {
  FileReader reader(translated.file, problems);
  std::map<std::string, const Item*> english_items;
  for (const Item& item : english.topic.items) english_items[item.id] = &item;
  for (const Item& item : translated.topic.items) {
    auto found = english_items.find(item.id);
    const YAML::Node node = translated.item_nodes.at(item.id);
    if (found == english_items.end()) {
      reader.Error(node, "\"" + item.id + "\" is not an item of the English topic");
    } else if (!item.from.empty() && item.from != SourceHash(*found->second)) {
      reader.Note(node, "\"" + item.id + "\" is outdated: its English source changed since it was translated");
    }
  }
  for (const Item& item : english.topic.items) {
    if (translated.item_nodes.contains(item.id)) continue;
    const bool listed = std::find(translated.missing.begin(), translated.missing.end(), item.id) !=
                        translated.missing.end();
    if (listed) {
      reader.Note(translated.root["missing"], "\"" + item.id + "\" is not translated (listed as missing; English is shown)");
    } else {
      reader.Error(translated.root["items"], "\"" + item.id + "\" is neither translated nor listed under missing:");
    }
  }
}

std::vector<Hotline> ParseHotlines(const ContentFile& file, std::vector<FileProblem>& problems) {
  std::vector<Hotline> hotlines;
  YAML::Node root;
  try {
    root = YAML::Load(file.text);
  } catch (const YAML::Exception& error) {
    problems.push_back({file.name, error.mark.line + 1, "not valid YAML: " + error.msg, true});
    return hotlines;
  }
  FileReader reader(file.name, problems);
  if (!root.IsSequence()) {
    reader.Error(root, "the hotlines file must be a list");
    return hotlines;
  }
  static const std::regex kE164("\\+[1-9][0-9]{6,14}");
  static const std::regex kDate("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  std::set<std::string> ids;
  for (const auto& node : root) {
    Hotline hotline;
    hotline.id = reader.Text(node, "id");
    hotline.country = reader.Text(node, "country");
    hotline.organisation = reader.Text(node, "organisation");
    hotline.source = reader.Text(node, "source");
    hotline.languages = reader.List(node, "languages");
    if (!ids.insert(hotline.id).second) reader.Error(node, "hotline \"" + hotline.id + "\" appears twice");
    if (auto hours = reader.Text(node, "hours", false); !hours.empty()) hotline.hours = hours;
    if (node["free"] && !node["free"].IsNull()) hotline.free = node["free"].as<bool>(false);
    hotline.emergency = node["emergency"].as<bool>(false);
    if (auto verified = reader.Text(node, "verified_on", false); !verified.empty()) {
      if (!std::regex_match(verified, kDate)) reader.Error(node["verified_on"], "verified_on must be YYYY-MM-DD");
      hotline.verified_on = verified;
    }
    for (const auto& number : node["numbers"]) {
      PhoneNumber phone;
      phone.dial = reader.Text(number, "dial");
      if (auto e164 = reader.Text(number, "e164", false); !e164.empty()) {
        if (!std::regex_match(e164, kE164)) reader.Error(number["e164"], hotline.id + ": \"" + e164 + "\" is not E.164");
        phone.e164 = e164;
      }
      hotline.numbers.push_back(phone);
    }
    if (hotline.numbers.empty()) reader.Error(node, hotline.id + ": no numbers");
    hotlines.push_back(std::move(hotline));
  }
  return hotlines;
}

}  // namespace

KnowledgeLoad ParseKnowledge(const std::vector<ContentFile>& files) {
  KnowledgeLoad load;
  static const std::regex kTopicFile("knowledge/([a-z]{2,3})/([a-z_]+)\\.yaml");
  std::map<std::string, ParsedTopic> english;  // topic -> parsed
  std::vector<ParsedTopic> translations;
  std::vector<std::string> english_order;
  for (const ContentFile& file : files) {
    std::smatch match;
    if (!std::regex_match(file.name, match, kTopicFile)) continue;
    try {
      auto parsed = ParseTopic(file, match[1], match[2], load.problems);
      if (!parsed) continue;
      if (match[1] == "en") {
        english_order.push_back(parsed->topic.id);
        english[parsed->topic.id] = std::move(*parsed);
      } else {
        translations.push_back(std::move(*parsed));
      }
    } catch (const YAML::Exception& error) {
      load.problems.push_back({file.name, error.mark.line + 1, "unexpected structure: " + error.msg, true});
    }
  }
  if (english.empty()) load.problems.push_back({"knowledge/en", 0, "no English topics", true});
  // Item ids are unique across every English topic; see_also must resolve.
  std::map<std::string, std::string> id_file;
  for (const auto& [topic_id, parsed] : english) {
    FileReader reader(parsed.file, load.problems);
    for (const Item& item : parsed.topic.items) {
      if (id_file.contains(item.id) && id_file[item.id] != parsed.file) {
        reader.Error(parsed.item_nodes.at(item.id), "item \"" + item.id + "\" is also in " + id_file[item.id]);
      }
      id_file[item.id] = parsed.file;
    }
  }
  for (const auto& [topic_id, parsed] : english) {
    FileReader reader(parsed.file, load.problems);
    for (const Item& item : parsed.topic.items) {
      for (const std::string& target : item.see_also) {
        if (!id_file.contains(target)) {
          reader.Error(parsed.item_nodes.at(item.id)["see_also"], item.id + ": see_also \"" + target + "\" does not exist");
        }
      }
    }
  }
  for (const ParsedTopic& translated : translations) {
    auto found = english.find(translated.topic.id);
    if (found == english.end()) {
      load.problems.push_back({translated.file, 1, "no English topic \"" + translated.topic.id + "\" to translate", true});
      continue;
    }
    CheckTranslation(found->second, translated, load.problems);
  }
  // Every language must have every topic, or list the missing topic's items.
  std::set<std::string> languages;
  for (const ParsedTopic& translated : translations) languages.insert(translated.topic.lang);
  for (const std::string& lang : languages) {
    for (const std::string& topic_id : english_order) {
      const bool present = std::any_of(translations.begin(), translations.end(), [&](const ParsedTopic& t) {
        return t.topic.lang == lang && t.topic.id == topic_id;
      });
      if (!present) {
        load.problems.push_back({"knowledge/" + lang + "/" + topic_id + ".yaml", 0,
                                 "the topic is not translated (English is shown)", false});
      }
    }
  }
  std::vector<Hotline> hotlines;
  for (const ContentFile& file : files) {
    if (file.name == "hotlines.yaml") hotlines = ParseHotlines(file, load.problems);
  }
  if (HasErrors(load.problems)) return load;
  KnowledgeBase knowledge;
  for (const std::string& topic_id : english_order) knowledge.AddTopic(english[topic_id].topic);
  for (ParsedTopic& translated : translations) knowledge.AddTopic(std::move(translated.topic));
  knowledge.SetHotlines(std::move(hotlines));
  load.knowledge = std::move(knowledge);
  return load;
}

}  // namespace vigil::codec::yaml
