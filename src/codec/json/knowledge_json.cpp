#include "codec/json/knowledge_json.hpp"

#include <nlohmann/json.hpp>

namespace vigil::codec::json {
namespace {

using namespace core::knowledge;
using nlohmann::json;

std::string Dump(const json& doc) { return doc.dump(-1, ' ', false, json::error_handler_t::replace); }

json ItemJson(const Item& item, bool fallback) {
  json fields = json::array();
  for (const auto& [key, value] : item.fields) fields.push_back({{"name", key}, {"value", value}});
  return {{"id", item.id},       {"title", item.title},   {"body", item.body},
          {"source", item.source}, {"status", item.status}, {"see_also", item.see_also},
          {"fields", fields},    {"fallback", fallback}};
}

}  // namespace

std::string RenderTopicList(const KnowledgeBase& knowledge, const std::string& lang) {
  json items = json::array();
  for (const std::string& id : knowledge.TopicIds()) {
    auto view = knowledge.View(id, lang);
    if (!view) continue;
    items.push_back({{"id", id},
                     {"title", view->topic.title},
                     {"audience", view->topic.audience},
                     {"summary", view->topic.summary},
                     {"fallback", view->topic_fallback}});
  }
  return Dump({{"lang", lang}, {"items", items}});
}

std::string RenderTopic(const TopicView& view) {
  json items = json::array();
  for (std::size_t idx = 0; idx < view.topic.items.size(); ++idx) {
    items.push_back(ItemJson(view.topic.items[idx], view.fallback[idx]));
  }
  return Dump({{"id", view.topic.id},
               {"lang", view.topic.lang},
               {"title", view.topic.title},
               {"audience", view.topic.audience},
               {"summary", view.topic.summary},
               {"fallback", view.topic_fallback},
               {"items", items}});
}

std::string RenderSearchHits(const KnowledgeBase& knowledge, const std::string& lang,
                             const std::vector<SearchHit>& hits) {
  json items = json::array();
  for (const SearchHit& hit : hits) {
    auto view = knowledge.View(hit.topic, lang);
    if (!view) continue;
    for (std::size_t idx = 0; idx < view->topic.items.size(); ++idx) {
      const Item& item = view->topic.items[idx];
      if (item.id != hit.item) continue;
      items.push_back({{"topic", hit.topic}, {"topic_title", view->topic.title}, {"id", item.id},
                       {"title", item.title}, {"fallback", view->fallback[idx]}});
    }
  }
  return Dump({{"lang", lang}, {"items", items}});
}

std::string RenderHotlines(const std::vector<Hotline>& hotlines, TimePoint now) {
  json items = json::array();
  for (const Hotline& hotline : hotlines) {
    json numbers = json::array();
    for (const PhoneNumber& number : hotline.numbers) {
      numbers.push_back({{"dial", number.dial}, {"e164", number.e164 ? json(*number.e164) : json(nullptr)}});
    }
    items.push_back({{"id", hotline.id},
                     {"country", hotline.country},
                     {"organisation", hotline.organisation},
                     {"numbers", numbers},
                     {"languages", hotline.languages},
                     {"hours", hotline.hours ? json(*hotline.hours) : json(nullptr)},
                     {"free", hotline.free ? json(*hotline.free) : json(nullptr)},
                     {"emergency", hotline.emergency},
                     {"source", hotline.source},
                     {"verified_on", hotline.verified_on ? json(*hotline.verified_on) : json(nullptr)},
                     {"not_recently_verified", NotRecentlyVerified(hotline, now)}});
  }
  return Dump({{"items", items}});
}

}  // namespace vigil::codec::json
