// Knowledge content as data: topics of items in each language (English is the source; the
// other languages translate it item by item), and the hotlines list. Loaded by codec/yaml.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/common/clock.hpp"

namespace vigil::core::knowledge {

struct Item {
  std::string id;  // "<topic>.<slug>"
  std::string title;
  std::string body;    // paragraphs separated by blank lines; "- " lines are list items
  std::string source;  // English only: what the facts come from
  std::string status;  // English only: verified | as_cited | unverified
  std::vector<std::string> see_also;
  std::vector<std::pair<std::string, std::string>> fields;
  std::string from;  // translations: SourceHash() of the English item they were made from
};

struct Topic {
  std::string id;
  std::string lang;
  std::string title;
  std::string audience;  // public | practitioner
  std::string summary;
  std::vector<Item> items;
};

struct PhoneNumber {
  std::string dial;                 // as dialled, e.g. "112" or "+380..."
  std::optional<std::string> e164;  // for full numbers
};

struct Hotline {
  std::string id;
  std::string country;  // ISO 3166-1 alpha-2, or "EU"
  std::string organisation;
  std::vector<PhoneNumber> numbers;
  std::vector<std::string> languages;
  std::optional<std::string> hours;
  std::optional<bool> free;
  bool emergency = false;
  std::string source;
  std::optional<std::string> verified_on;  // YYYY-MM-DD
};

// One topic in one language, with English standing in for missing items.
struct TopicView {
  Topic topic;
  std::vector<bool> fallback;  // per item: true when the text is English
  bool topic_fallback = false; // the topic's own title and summary are English
};

class KnowledgeBase {
 public:
  // REQUIRES: English topics are added before translations.
  void AddTopic(Topic topic);
  void SetHotlines(std::vector<Hotline> hotlines) { hotlines_ = std::move(hotlines); }

  [[nodiscard]] std::vector<std::string> Languages() const;
  [[nodiscard]] std::vector<std::string> TopicIds() const;  // in English file order
  [[nodiscard]] const Topic* Find(const std::string& lang, const std::string& topic) const;
  // The topic in `lang`, item by item, English where a translation is missing.
  // nullopt when the topic does not exist in English.
  [[nodiscard]] std::optional<TopicView> View(const std::string& topic, const std::string& lang) const;
  // Emergency numbers first, then by country and id.
  [[nodiscard]] std::vector<Hotline> Hotlines() const;

 private:
  std::map<std::string, std::map<std::string, Topic>> topics_;  // lang -> topic id -> topic
  std::vector<std::string> order_;
  std::vector<Hotline> hotlines_;
};

// First 12 hex digits of the SHA-256 of an English item's title and body: what a translation
// records in `from`, so that a changed English source marks the translation outdated.
[[nodiscard]] std::string SourceHash(const Item& english);

// True when the hotline was never verified or its verified_on is more than 180 days before
// `now`.
[[nodiscard]] bool NotRecentlyVerified(const Hotline& hotline, TimePoint now);

}  // namespace vigil::core::knowledge
