#include "core/knowledge/content.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>

#include "core/common/encoding.hpp"

namespace vigil::core::knowledge {

void KnowledgeBase::AddTopic(Topic topic) {
  if (topic.lang == "en") order_.push_back(topic.id);
  const std::string lang = topic.lang;
  const std::string id = topic.id;
  topics_[lang][id] = std::move(topic);
}

std::vector<std::string> KnowledgeBase::Languages() const {
  std::vector<std::string> languages;
  for (const auto& [lang, topics] : topics_) languages.push_back(lang);
  return languages;
}

std::vector<std::string> KnowledgeBase::TopicIds() const { return order_; }

const Topic* KnowledgeBase::Find(const std::string& lang, const std::string& topic) const {
  auto by_lang = topics_.find(lang);
  if (by_lang == topics_.end()) return nullptr;
  auto found = by_lang->second.find(topic);
  return found == by_lang->second.end() ? nullptr : &found->second;
}

std::optional<TopicView> KnowledgeBase::View(const std::string& topic, const std::string& lang) const {
  const Topic* english = Find("en", topic);
  if (english == nullptr) return std::nullopt;
  const Topic* translated = lang == "en" ? english : Find(lang, topic);
  TopicView view;
  view.topic = *english;
  view.topic.lang = lang;
  view.fallback.assign(english->items.size(), lang != "en");
  view.topic_fallback = translated == nullptr;
  if (translated == nullptr || translated == english) return view;
  view.topic.title = translated->title;
  view.topic.summary = translated->summary;
  for (std::size_t idx = 0; idx < english->items.size(); ++idx) {
    for (const Item& item : translated->items) {
      if (item.id != english->items[idx].id) continue;
      Item& shown = view.topic.items[idx];
      shown.title = item.title;
      shown.body = item.body;
      if (!item.fields.empty()) shown.fields = item.fields;
      view.fallback[idx] = false;
    }
  }
  return view;
}

std::vector<Hotline> KnowledgeBase::Hotlines() const {
  std::vector<Hotline> sorted = hotlines_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Hotline& a, const Hotline& b) {
    if (a.emergency != b.emergency) return a.emergency;
    if (a.country != b.country) return a.country < b.country;
    return a.id < b.id;
  });
  return sorted;
}

std::string SourceHash(const Item& english) {
  const std::string text = english.title + "\n" + english.body;
  std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return EncodeHex(digest).substr(0, 12);
}

bool NotRecentlyVerified(const Hotline& hotline, TimePoint now) {
  if (!hotline.verified_on || hotline.verified_on->size() != 10) return true;
  const std::string& date = *hotline.verified_on;
  std::chrono::year_month_day day{std::chrono::year(std::stoi(date.substr(0, 4))),
                                  std::chrono::month(static_cast<unsigned>(std::stoi(date.substr(5, 2)))),
                                  std::chrono::day(static_cast<unsigned>(std::stoi(date.substr(8, 2))))};
  if (!day.ok()) return true;
  const auto verified = std::chrono::sys_days(day);
  return now - verified > std::chrono::days(180);
}

}  // namespace vigil::core::knowledge
