// Rendering of the portal's pages into HTML: the frame every page shares (language switcher,
// navigation, "Leave this site") and each page's main content. Pure functions of the content,
// the interface strings and the request's query; no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/knowledge/content.hpp"
#include "core/knowledge/search.hpp"
#include "http/portal/html.hpp"
#include "http/portal/language.hpp"
#include "http/portal/strings.hpp"

namespace vigil::http::portal {

// What every page needs; lives as long as the portal.
struct PageEnv {
  const UiStrings& strings;
  const core::knowledge::KnowledgeBase& knowledge;
  std::string exit_url;  // "Leave this site" target
  std::string css_href;
  std::string js_href;
};

// One rendered page before it is framed.
struct PageBody {
  std::string title;    // for <title> and the h1
  std::string nav_key;  // which navigation entry is current ("" for none)
  std::string html;     // the contents of <main>
};

// The whole document: `slug` is the path after "/{lang}/" so the language switcher can link to
// the same page in each language.
[[nodiscard]] std::string RenderDocument(const PageEnv& env, const PortalLanguage& lang,
                                         std::string_view slug, const PageBody& body);

// The page (and anchor) where an item is shown: "/uk/warning-signs#warning_signs.fees_debts".
[[nodiscard]] std::string ItemHref(std::string_view lang, std::string_view item_id);
// The path after "/{lang}/" of a topic's page.
[[nodiscard]] std::string TopicSlug(std::string_view topic_id);

[[nodiscard]] PageBody RenderHome(const PageEnv& env, const PortalLanguage& lang);
// warning_signs, rights and the practitioner topics. REQUIRES: the topic exists.
[[nodiscard]] PageBody RenderTopic(const PageEnv& env, const PortalLanguage& lang,
                                   const core::knowledge::TopicView& view,
                                   std::string_view nav_key);
[[nodiscard]] PageBody RenderLearnIndex(const PageEnv& env, const PortalLanguage& lang);
[[nodiscard]] PageBody RenderGetHelp(const PageEnv& env, const PortalLanguage& lang, TimePoint now);
// `hits` is empty for an empty query; an error (a query too long) is shown as a message.
[[nodiscard]] PageBody RenderSearch(const PageEnv& env, const PortalLanguage& lang,
                                    std::string_view query,
                                    const Result<std::vector<core::knowledge::SearchHit>>& hits);
[[nodiscard]] PageBody RenderAbout(const PageEnv& env, const PortalLanguage& lang);
[[nodiscard]] PageBody RenderNotFound(const PageEnv& env, const PortalLanguage& lang);

// Shared by the page renderers: paragraphs and "- " lists from an item body; one item as an
// <article> with its source, fallback note and links.
void WriteBody(HtmlWriter& html, std::string_view body);
void WriteItem(HtmlWriter& html, const PageEnv& env, const PortalLanguage& lang,
               const core::knowledge::Item& item, bool fallback, std::string_view heading_tag);
// Writes several paragraphs of an interface string (separated by blank lines).
void WriteParagraphs(HtmlWriter& html, std::string_view text);

}  // namespace vigil::http::portal
