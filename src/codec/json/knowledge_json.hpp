// JSON documents of the public knowledge API.
#pragma once

#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/knowledge/content.hpp"
#include "core/knowledge/search.hpp"

namespace vigil::codec::json {

// `{"lang", "items": [{id, title, audience, summary, fallback}]}`
[[nodiscard]] std::string RenderTopicList(const core::knowledge::KnowledgeBase& knowledge,
                                          const std::string& lang);
// A topic with its items; English stands in for missing translations, marked "fallback".
[[nodiscard]] std::string RenderTopic(const core::knowledge::TopicView& view);
// Search hits with each item's title in `lang`.
[[nodiscard]] std::string RenderSearchHits(const core::knowledge::KnowledgeBase& knowledge,
                                           const std::string& lang,
                                           const std::vector<core::knowledge::SearchHit>& hits);
// Hotlines, emergency numbers first, each with "not_recently_verified".
[[nodiscard]] std::string RenderHotlines(const std::vector<core::knowledge::Hotline>& hotlines,
                                         TimePoint now);

}  // namespace vigil::codec::json
