// The portal's content pages: home, topic pages (warning signs, rights, learn), about, not found.
#include "http/portal/pages.hpp"

namespace vigil::http::portal {
namespace {

std::string_view Str(const PageEnv& env, const PortalLanguage& lang, std::string_view key) {
  return env.strings.Get(lang.code, key);
}

std::string LangHome(const PortalLanguage& lang) {
  return "/" + std::string(lang.code) + "/";
}

// The title of an item anywhere in the content, in `lang` or else in English; empty when the id
// resolves nowhere. Looks the item up in place: pages link many items.
std::string ItemTitle(const PageEnv& env, std::string_view lang, std::string_view item_id) {
  const std::string topic(item_id.substr(0, item_id.find('.')));
  for (const std::string& candidate : {std::string(lang), std::string("en")}) {
    const core::knowledge::Topic* found = env.knowledge.Find(candidate, topic);
    if (found == nullptr) continue;
    for (const auto& item : found->items) {
      if (item.id == item_id) return item.title;
    }
  }
  return {};
}

void WriteFallbackNote(HtmlWriter& html, const PageEnv& env, const PortalLanguage& lang) {
  html.Element("p", {{"class", "note fallback"}}, Str(env, lang, "fallback_note"));
}

}  // namespace

std::string TopicSlug(std::string_view topic_id) {
  if (topic_id == "definition") return "";
  if (topic_id == "warning_signs") return "warning-signs";
  if (topic_id == "rights") return "rights";
  return "learn/" + PercentEncode(topic_id);
}

std::string ItemHref(std::string_view lang, std::string_view item_id) {
  const std::string_view topic = item_id.substr(0, item_id.find('.'));
  return "/" + PercentEncode(lang) + "/" + TopicSlug(topic) + "#" + PercentEncode(item_id);
}

void WriteParagraphs(HtmlWriter& html, std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    while (!paragraph.empty() && paragraph.front() == '\n') paragraph.remove_prefix(1);
    if (!paragraph.empty()) html.Element("p", {}, paragraph);
    start = end + 2;
  }
}

void WriteBody(HtmlWriter& html, std::string_view body) {
  bool in_list = false;
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) html.Element("p", {}, paragraph);
    paragraph.clear();
  };
  std::size_t start = 0;
  while (start <= body.size()) {
    auto end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    start = end + 1;
    if (line.starts_with("- ")) {
      flush();
      if (!in_list) html.Open("ul");
      in_list = true;
      html.Element("li", {}, line.substr(2));
      continue;
    }
    if (in_list && (line.empty() || !line.starts_with("  "))) {
      html.Close("ul");
      in_list = false;
    }
    if (line.empty()) {
      flush();
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line;
  }
  flush();
  if (in_list) html.Close("ul");
}

void WriteItem(HtmlWriter& html, const PageEnv& env, const PortalLanguage& lang,
               const core::knowledge::Item& item, bool fallback, std::string_view heading_tag) {
  html.Open("article", {{"class", "item"}, {"id", item.id}});
  if (fallback) WriteFallbackNote(html, env, lang);
  // English text inside a page in another language says so (WCAG 3.1.2).
  html.Open("div", {{fallback ? "lang" : "", "en"}, {fallback ? "dir" : "", "ltr"}});
  html.Element(heading_tag, {}, item.title);
  WriteBody(html, item.body);
  if (!item.fields.empty()) {
    html.Open("dl", {{"class", "fields"}});
    for (const auto& [key, value] : item.fields) {
      html.Element("dt", {}, Str(env, lang, "field_" + key));
      html.Element("dd", {}, value);
    }
    html.Close("dl");
  }
  html.Close("div");
  if (!item.see_also.empty()) {
    html.Open("p", {{"class", "see-also"}}).Text(Str(env, lang, "see_also")).Text(" ");
    bool first = true;
    for (const std::string& target : item.see_also) {
      const std::string title = ItemTitle(env, lang.code, target);
      if (title.empty()) continue;
      if (!first) html.Text(" · ");
      first = false;
      html.Element("a", {{"href", ItemHref(lang.code, target)}}, title);
    }
    html.Close("p");
  }
  if (!item.source.empty()) {
    html.Open("p", {{"class", "source"}}).Text(Str(env, lang, "source")).Text(" ");
    html.Element("span", {{"lang", "en"}, {"dir", "ltr"}}, item.source).Close("p");
  }
  html.Close("article");
}

PageBody RenderTopic(const PageEnv& env, const PortalLanguage& lang,
                     const core::knowledge::TopicView& view, std::string_view nav_key) {
  HtmlWriter html;
  PageBody page{view.topic.title, std::string(nav_key), {}};
  if (view.topic_fallback && lang.code != "en") {
    WriteFallbackNote(html, env, lang);
    html.Open("div", {{"lang", "en"}, {"dir", "ltr"}});
  }
  html.Element("h1", {}, view.topic.title);
  if (!view.topic.summary.empty()) html.Element("p", {{"class", "lead"}}, view.topic.summary);
  if (view.topic_fallback && lang.code != "en") html.Close("div");
  if (view.topic.id == "warning_signs") {
    html.Element("p", {{"class", "print-hint"}}, Str(env, lang, "print_hint"));
  }
  for (std::size_t idx = 0; idx < view.topic.items.size(); ++idx) {
    WriteItem(html, env, lang, view.topic.items[idx], view.fallback[idx], "h2");
  }
  page.html = html.Take();
  return page;
}

PageBody RenderHome(const PageEnv& env, const PortalLanguage& lang) {
  HtmlWriter html;
  const std::string home = LangHome(lang);
  html.Element("h1", {}, Str(env, lang, "home_title"));
  html.Element("p", {{"class", "lead"}}, Str(env, lang, "home_lead"));
  html.Open("ul", {{"class", "cards"}});
  for (const auto& [slug, key] :
       {std::pair{"get-help", "get_help"}, std::pair{"warning-signs", "warning_signs"},
        std::pair{"rights", "rights"}, std::pair{"learn", "learn"}}) {
    html.Open("li").Open("a", {{"href", home + slug}});
    html.Element("strong", {}, Str(env, lang, "nav_" + std::string(key)));
    html.Element("span", {}, Str(env, lang, "card_" + std::string(key)));
    html.Close("a").Close("li");
  }
  html.Close("ul");
  html.Open(
      "form",
      {{"class", "search"}, {"role", "search"}, {"method", "get"}, {"action", home + "search"}});
  html.Element("label", {{"for", "home-q"}}, Str(env, lang, "search_label"));
  html.Open("div", {{"class", "search-row"}});
  html.Void("input", {{"type", "search"}, {"id", "home-q"}, {"name", "q"}, {"maxlength", "200"}});
  html.Element("button", {{"type", "submit"}}, Str(env, lang, "search_button"));
  html.Close("div").Close("form");
  if (auto definition = env.knowledge.View("definition", std::string(lang.code))) {
    html.Open("section", {{"aria-labelledby", "definition"}});
    html.Element("h2", {{"id", "definition"}}, definition->topic.title);
    if (!definition->topic.summary.empty()) {
      const bool english = definition->topic_fallback && lang.code != "en";
      html.Element("p", {{english ? "lang" : "", "en"}, {english ? "dir" : "", "ltr"}},
                   definition->topic.summary);
    }
    for (std::size_t idx = 0; idx < definition->topic.items.size(); ++idx) {
      WriteItem(html, env, lang, definition->topic.items[idx], definition->fallback[idx], "h3");
    }
    html.Close("section");
  }
  return {std::string(Str(env, lang, "home_title")), "home", html.Take()};
}

PageBody RenderLearnIndex(const PageEnv& env, const PortalLanguage& lang) {
  HtmlWriter html;
  html.Element("h1", {}, Str(env, lang, "learn_title"));
  html.Element("p", {{"class", "lead"}}, Str(env, lang, "learn_lead"));
  html.Open("ul", {{"class", "cards"}});
  for (const std::string& topic_id : env.knowledge.TopicIds()) {
    auto view = env.knowledge.View(topic_id, std::string(lang.code));
    if (!view || view->topic.audience != "practitioner") continue;
    const bool english = view->topic_fallback && lang.code != "en";
    html.Open("li").Open(
        "a", {{"href", LangHome(lang) + TopicSlug(topic_id)}, {english ? "lang" : "", "en"}});
    html.Element("strong", {}, view->topic.title);
    html.Element("span", {}, view->topic.summary);
    html.Close("a").Close("li");
  }
  html.Close("ul");
  return {std::string(Str(env, lang, "learn_title")), "learn", html.Take()};
}

PageBody RenderAbout(const PageEnv& env, const PortalLanguage& lang) {
  HtmlWriter html;
  html.Element("h1", {}, Str(env, lang, "about_title"));
  WriteParagraphs(html, Str(env, lang, "about_body"));
  html.Element("h2", {}, Str(env, lang, "privacy_title"));
  WriteParagraphs(html, Str(env, lang, "privacy_body"));
  html.Element("h2", {}, Str(env, lang, "leave_title"));
  WriteParagraphs(html, Str(env, lang, "leave_body"));
  return {std::string(Str(env, lang, "about_title")), "about", html.Take()};
}

PageBody RenderNotFound(const PageEnv& env, const PortalLanguage& lang) {
  HtmlWriter html;
  html.Element("h1", {}, Str(env, lang, "not_found_title"));
  html.Element("p", {}, Str(env, lang, "not_found_body"));
  html.Open("ul");
  for (const PortalLanguage& other : kPortalLanguages) {
    html.Open("li").Element("a",
                            {{"href", "/" + std::string(other.code) + "/"},
                             {"lang", other.code},
                             {"dir", other.rtl ? "rtl" : "ltr"}},
                            other.endonym);
    html.Close("li");
  }
  html.Close("ul");
  return {std::string(Str(env, lang, "not_found_title")), "", html.Take()};
}

}  // namespace vigil::http::portal
